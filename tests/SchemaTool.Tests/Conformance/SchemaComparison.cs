using SchemaTool.Dialects;
using SchemaTool.Model;

namespace SchemaTool.Tests.Conformance;

/// <summary>
/// Compares two introspected schemas object by object, in the dialect's canonical form: tables, columns
/// (type, nullability, default...), primary keys, unique constraints and indexes with their columns, foreign
/// keys with their actions, checks, views and triggers. Column order is not compared.
/// </summary>
public static class SchemaComparison
{
    /// <summary>The differences, one line each: "-" only in <paramref name="expected"/>, "+" only in <paramref name="actual"/>.</summary>
    public static IReadOnlyList<string> Differences(Schema expected, Schema actual, IDialect dialect)
    {
        var want = Facts(dialect.Normalize(expected));
        var have = Facts(dialect.Normalize(actual));
        return want.Except(have).Select(f => "- " + f)
            .Concat(have.Except(want).Select(f => "+ " + f))
            .ToList();
    }

    public static SortedSet<string> Facts(Schema schema)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var t in schema.Tables)
        {
            facts.Add($"table {t.Name}" + (t.Comment is { } c ? $" comment '{c}'" : "") + (t.Options is { } o ? $" {o}" : ""));
            foreach (var col in t.Columns)
                facts.Add($"column {t.Name}.{col.Name} {col.Type}{(col.Nullable ? " NULL" : " NOT NULL")}" +
                          (col.Default is { } d ? $" DEFAULT {d.Kind}:{d.Text}" : "") +
                          (col.AutoIncrement ? " AUTO_INCREMENT" : "") +
                          (col.Collation is { } coll ? $" COLLATE {coll}" : "") +
                          (col.Generated is { } g ? $" AS ({g.Expression}){(g.Stored ? " STORED" : "")}" : "") +
                          (col.Comment is { } cc ? $" comment '{cc}'" : ""));
            if (t.PrimaryKey is { } pk)
                facts.Add($"primary key {t.Name} ({string.Join(", ", pk.Columns)})");
            foreach (var i in t.Indexes)
                facts.Add($"{(i.Constraint ? "unique constraint" : i.Unique ? "unique index" : "index")} {t.Name}.{i.Name} " +
                          $"({string.Join(", ", i.Parts.Select(Part))})" +
                          (i.Method is { } m ? $" USING {m}" : "") + (i.Where is { } w ? $" WHERE {w}" : "") +
                          (i.Comment is { } ic ? $" comment '{ic}'" : ""));
            foreach (var f in t.ForeignKeys)
                facts.Add($"foreign key {t.Name}.{f.Name} ({string.Join(", ", f.Columns)}) -> {f.ReferencedTable} ({string.Join(", ", f.ReferencedColumns)})" +
                          $" ON DELETE {f.OnDelete.ToSql()} ON UPDATE {f.OnUpdate.ToSql()} {f.Deferrable}");
            foreach (var ck in t.Checks)
                facts.Add($"check {t.Name}.{ck.Name} ({ck.Expression})");
        }
        foreach (var v in schema.Views)
            facts.Add($"{v.Kind.Word()} {v.Name}" + (v.Columns.Count > 0 ? $" ({string.Join(", ", v.Columns)})" : "") + $" AS {v.Sql}" +
                      (v.Comment is { } vc ? $" comment '{vc}'" : ""));
        foreach (var tr in schema.Triggers)
            facts.Add($"trigger {tr.Name} {tr.Timing.ToSql()} {string.Join(" OR ", tr.Events.Select(e => e.ToSql()))}" +
                      (tr.UpdateOf.Count > 0 ? $" OF {string.Join(", ", tr.UpdateOf)}" : "") + $" ON {tr.Table} FOR EACH {tr.ForEach}" +
                      (tr.When is { } when ? $" WHEN {when}" : "") + $" {tr.Body ?? "EXECUTE " + tr.Execute}");
        foreach (var s in schema.Sequences)
            facts.Add($"sequence {s.Name} {s with { RenamedFrom = null }}");
        foreach (var e in schema.Enums)
            facts.Add($"enum type {e.Name} ({string.Join(", ", e.Values)})" + (e.Comment is { } ec ? $" comment '{ec}'" : ""));
        foreach (var d in schema.Domains)
            facts.Add($"domain {d.Name} {d.BaseType} nullable={d.Nullable} default={d.Default?.Text} collate={d.Collation} " +
                      $"checks=({string.Join("; ", d.Checks.Select(c => c.Name + ": " + c.Expression))})" + (d.Comment is { } dc ? $" comment '{dc}'" : ""));
        foreach (var x in schema.Extensions)
            facts.Add($"extension {x.Name} version={x.Version} schema={x.Schema}");
        foreach (var n in schema.Namespaces)
            facts.Add($"schema {n.Name}" + (n.Comment is { } nc ? $" comment '{nc}'" : ""));
        foreach (var u in schema.Unmanaged)
            facts.Add($"{u.Kind} {u.Name}");
        return facts;
    }

    private static string Part(IndexPart p) =>
        (p.Column ?? $"({p.Expression})") + (p.Length is { } l ? $"({l})" : "") + (p.Collation is { } c ? $" COLLATE {c}" : "") +
        (p.OpClass is { } o ? $" {o}" : "") + (p.Descending ? " DESC" : "");
}
