using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>What a model's sequences, enum types, domains, extensions and schemas may not say on PostgreSQL.</summary>
internal static class PostgresTypeValidator
{
    /// <summary>What the model asks of the database's objects that PostgreSQL cannot do in place.</summary>
    public static IEnumerable<string> ValidateAgainst(Schema current, Schema model)
    {
        foreach (var domain in model.Domains)
        {
            if (current.Domains.FirstOrDefault(d => d.Name == (domain.RenamedFrom ?? domain.Name)) is not { } have) continue;
            if (PostgresTypes.Canonical(have.BaseType) != PostgresTypes.Canonical(domain.BaseType) || (have.Collation ?? "") != (domain.Collation?.Trim('"') ?? ""))
                yield return $"domain '{domain.Name}': PostgreSQL cannot change a domain's base type or collation in place " +
                             $"({have.BaseType}{(have.Collation is { } c ? " collate " + c : "")} in the database): make a new domain and move the columns to it";
        }
        foreach (var composite in model.Composites)
        {
            if (current.Composites.FirstOrDefault(c => c.Name == composite.Name) is not { } have) continue;
            var (from, to) = (PostgresTypeNormalizer.Normalize(have), PostgresTypeNormalizer.Normalize(composite));
            var retyped = to.Attributes.Where(a => from.Attributes.Any(b => b.Name == a.Name && b != a)).Select(a => a.Name).ToList();
            if (from.Attributes == to.Attributes || Diff.AlterCompositeType.InPlace(from, to) && retyped.Count == 0) continue;
            var users = current.Tables.SelectMany(t => t.Columns.Where(c => Diff.ObjectUses.TypeName(c.Type) == composite.Name).Select(c => t.Name + "." + c.Name)).ToList();
            if (users.Count > 0)
                yield return $"composite type '{composite.Name}': " + (retyped.Count > 0
                                 ? $"PostgreSQL cannot change the type of attribute {string.Join(", ", retyped)} while a column uses the type"
                                 : "its attributes change where ALTER TYPE cannot make the change and undo it in place (it adds attributes only " +
                                   "at the end, so the attributes kept must come first, in their order), and the type cannot be dropped and created") +
                             $" ({string.Join(", ", users)} use{(users.Count == 1 ? "s" : "")} it): add and drop attributes at the end only";
        }
        // A column of a type the database has and the model leaves out: the plan would drop the type under its column.
        var declared = model.Enums.Select(e => e.Name).Concat(model.Domains.Select(d => d.Name)).Concat(model.Composites.Select(c => c.Name))
            .ToHashSet(StringComparer.Ordinal);
        var dropped = current.Enums.Select(e => (e.Name, Kind: "an enum type")).Concat(current.Domains.Select(d => (d.Name, Kind: "a domain")))
            .Concat(current.Composites.Select(c => (c.Name, Kind: "a composite type")))
            .Where(t => !declared.Contains(t.Name)).ToDictionary(t => t.Name, t => t.Kind, StringComparer.Ordinal);
        if (dropped.Count > 0)
            foreach (var table in model.Tables)
                foreach (var column in table.Columns)
                    if (dropped.TryGetValue(Diff.ObjectUses.TypeName(column.Type), out var kind))
                        yield return $"column '{table.Name}.{column.Name}': its type {column.Type} is {kind} of the database that the model does not declare, " +
                                     "so the plan would drop it: declare it under `types:` (`schematool inspect` writes it)";
        var kept = model.Namespaces.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var ns in current.Namespaces.Where(n => !kept.Contains(n.Name)))
        {
            var inside = current.Unmanaged.Where(u => u.Name.StartsWith(ns.Name + ".", StringComparison.Ordinal)).Select(u => $"{u.Kind} {u.Name}").ToList();
            if (inside.Count > 0)
                yield return $"schema '{ns.Name}': the model leaves it out, but it holds what schematool leaves alone ({string.Join(", ", inside.Take(3))}" +
                             $"{(inside.Count > 3 ? $" and {inside.Count - 3} more" : "")}): declare it under `schemas:`, or empty it first";
        }
    }

    public static IEnumerable<string> Validate(Schema model)
    {
        foreach (var sequence in model.Sequences)
        {
            if (sequence.Type is { } type && PostgresTypes.Canonical(type) is not ("smallint" or "integer" or "bigint"))
                yield return $"sequence '{sequence.Name}': type must be smallint, integer or bigint, not {type}";
        }
    }
}
