using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Tests.Generated;
using SchemaTool.Tests.Ux.Support;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Diff;

/// <summary>
/// Normalizing is idempotent, and normalizing what is already canonical (a catalog, mostly) copies nothing: the
/// same table, column and index instances come back, so a plan does not hold two equal copies of a large schema.
/// </summary>
public sealed class NormalizationSharingTests
{
    public static TheoryData<string> Dialects => new() { "postgres", "mysql", "sqlite" };

    private static IEnumerable<(string Name, Schema Schema)> Models()
    {
        foreach (var dir in Directory.GetDirectories(Path.Combine(RepoPaths.Root, "examples")))
            yield return (Path.GetFileName(dir), ModelLoader.LoadPath(Path.Combine(dir, "schema")));
        for (var seed = 1; seed <= 100; seed++)
        {
            var (a, b) = new SchemaGenerator(seed).Pair();
            yield return ($"seed {seed} A", new Schema(a.Select(t => t.ToModel())));
            yield return ($"seed {seed} B", new Schema(b.Select(t => t.ToModel())));
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Normalizing_a_normalized_schema_returns_the_same_objects(string dialectName)
    {
        var dialect = DialectRegistry.Get(dialectName);
        var checkedTables = 0;
        foreach (var (name, model) in Models())
        {
            if (dialect.Validate(model).Count > 0) continue; // e.g. the PostgreSQL example on MySQL
            var once = dialect.Normalize(model);
            var twice = dialect.Normalize(once);
            Assert.True(once == twice, $"{dialectName}, {name}: normalizing twice changed the schema");
            Assert.Equal(once.Tables.Count, twice.Tables.Count);
            for (var i = 0; i < once.Tables.Count; i++)
            {
                Assert.True(ReferenceEquals(once.Tables[i], twice.Tables[i]), $"{dialectName}, {name}: table {once.Tables[i].Name} was copied");
                checkedTables++;
            }
        }
        Assert.True(checkedTables > 200, $"only {checkedTables} tables were checked");
    }

    [Fact]
    public void MapShared_returns_the_list_itself_when_nothing_changed_and_a_new_one_otherwise()
    {
        ValueList<string> items = new[] { "a", "b", "c" };

        Func<string, string> identity = s => s;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var same = items.MapShared(identity);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var changed = items.MapShared(s => s == "b" ? "B" : s);

        Assert.Equal(0, allocated);
        Assert.Equal(items, same);
        Assert.Equal(["a", "B", "c"], changed);
        Assert.Same(items[0], changed[0]);
        Assert.Equal(["a", "b", "c"], items);
    }

    [Fact]
    public void SameIfEqual_keeps_the_original_instance_of_an_equal_record()
    {
        var original = new Column("id", "integer");
        var copy = original with { };

        Assert.Same(original, ValueList.SameIfEqual(original, copy));
        var other = original with { Nullable = true };
        Assert.Same(other, ValueList.SameIfEqual(original, other));
    }
}
