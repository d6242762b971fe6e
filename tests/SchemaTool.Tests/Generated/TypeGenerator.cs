using SchemaTool.Model;

namespace SchemaTool.Tests.Generated;

/// <summary>
/// Sequences, enum types, domains and extensions for a pair of generated schemas, on the dialects that model them: A gets a few with random options;
/// B keeps, renames (renamed_from), changes or drops each, and adds new ones. A random of its own, so the tables
/// and objects of every seed stay what they were without them.
/// </summary>
public sealed class TypeGenerator(int seed)
{
    private readonly Random _random = new(seed * 104_729 + 3);
    private int _names;

    private bool Chance(int percent) => _random.Next(100) < percent;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public (Schema A, Schema B) Pair(Schema a, Schema b)
    {
        var sequencesA = Enumerable.Range(0, _random.Next(0, 3)).Select(_ => NewSequence()).ToList();
        var sequencesB = new List<Sequence>();
        foreach (var sequence in sequencesA)
        {
            switch (_random.Next(4))
            {
                case 0: break; // dropped
                case 1: sequencesB.Add(sequence with { Name = $"sq{++_names}", RenamedFrom = sequence.Name }); break;
                case 2: sequencesB.Add(Changed(sequence)); break;
                default: sequencesB.Add(sequence); break;
            }
        }
        if (Chance(50)) sequencesB.Add(NewSequence());
        var enumsA = Enumerable.Range(0, _random.Next(0, 3)).Select(_ => NewEnum()).ToList();
        var enumsB = enumsA.Where(_ => !Chance(20)).Select(ChangedEnum).ToList();
        if (Chance(30)) enumsB.Add(NewEnum());
        var domainsA = Enumerable.Range(0, _random.Next(0, 2)).Select(_ => NewDomain()).ToList();
        var domainsB = domainsA.Where(_ => !Chance(20)).Select(ChangedDomain).ToList();
        return (a with { Sequences = sequencesA.ToValueList(), Extensions = Extensions(), Enums = enumsA.ToValueList(), Domains = domainsA.ToValueList() },
                b with { Sequences = sequencesB.ToValueList(), Extensions = Extensions(), Enums = enumsB.ToValueList(), Domains = domainsB.ToValueList() });
    }

    private static readonly string[] Values = ["red", "green", "blue", "cyan", "it's", "Mixed Case", "black"];

    private EnumType NewEnum() =>
        new($"en{++_names}", Values.OrderBy(_ => _random.Next()).Take(_random.Next(1, 5)).ToValueList(), Chance(30) ? "colours" : null);

    /// <summary>A value added (anywhere), removed, renamed or moved, the type renamed, or nothing.</summary>
    private EnumType ChangedEnum(EnumType type)
    {
        var values = type.Values.ToList();
        switch (_random.Next(6))
        {
            case 0 when Values.Except(values).ToList() is { Count: > 0 } unused:
                values.Insert(_random.Next(values.Count + 1), Pick(unused));
                return type with { Values = values.ToValueList() };
            case 1 when values.Count > 1:
                values.RemoveAt(_random.Next(values.Count));
                return type with { Values = values.ToValueList() };
            case 2:
                var at = _random.Next(values.Count);
                var renamed = values[at] + "_2";
                values[at] = renamed;
                return type with { Values = values.ToValueList(), RenamedValues = new[] { new EnumValueRename(type.Values[at], renamed) }.ToValueList() };
            case 3 when values.Count > 1:
                values.Reverse();
                return type with { Values = values.ToValueList() };
            case 4:
                return type with { Name = $"en{++_names}", RenamedFrom = type.Name, Comment = type.Comment is null ? "renamed" : null };
            default:
                return type;
        }
    }

    private DomainType NewDomain() => Chance(50)
        ? new($"dm{++_names}", "text", Nullable: Chance(50), Checks: new[] { new Check("has_at", "VALUE ~ '@'") }.ToValueList(), Comment: Chance(30) ? "addresses" : null)
        : new($"dm{++_names}", "int", Default: Chance(50) ? ColumnDefault.Number("7") : null, Checks: new[] { new Check("positive", "VALUE > 0") }.ToValueList());

    private DomainType ChangedDomain(DomainType domain) => _random.Next(4) switch
    {
        0 => domain with { Nullable = !domain.Nullable },
        1 => domain with { Checks = domain.Checks.Count > 0 ? default : new[] { new Check("short", "length(VALUE::text) < 100") }.ToValueList() },
        2 => domain with { Name = $"dm{++_names}", RenamedFrom = domain.Name },
        _ => domain,
    };

    // Extensions that contrib ships with every server version tested; nothing of the tables uses them.
    private ValueList<Extension> Extensions() =>
        new[] { "citext", "pg_trgm", "btree_gin" }.Where(_ => Chance(25)).Select(name => new Extension(name)).ToValueList();

    // Options a sequence can move between whatever value it holds: ascending, with room above its start.
    private Sequence NewSequence() => new(
        $"sq{++_names}",
        Type: Chance(50) ? null : Pick(["smallint", "integer", "bigint"]),
        Start: Chance(50) ? null : _random.Next(1, 1000),
        Increment: Chance(50) ? null : _random.Next(1, 10),
        Max: Chance(70) ? null : 30_000,
        Cache: Chance(70) ? null : _random.Next(1, 50),
        Cycle: Chance(20),
        Comment: Chance(30) ? "counts things" : null);

    private Sequence Changed(Sequence sequence) => _random.Next(4) switch
    {
        0 => sequence with { Start = (sequence.Start ?? 1) + 7 },
        1 => sequence with { Increment = sequence.Increment is null ? 3 : null, Cycle = !sequence.Cycle },
        2 => sequence with { Type = sequence.Type == "smallint" ? "bigint" : "smallint", Max = null },
        _ => sequence with { Cache = sequence.Cache is null ? 10 : null, Comment = sequence.Comment is null ? "changed" : null },
    };
}
