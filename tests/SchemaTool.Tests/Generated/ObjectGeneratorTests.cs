using SchemaTool.Model;

namespace SchemaTool.Tests.Generated;

/// <summary>The generated views and triggers cover what they are there for, so the property test cannot pass on empty models.</summary>
public sealed class ObjectGeneratorTests
{
    [Fact]
    public void The_200_seeds_have_views_chains_triggers_and_changes_to_them()
    {
        int views = 0, chains = 0, triggers = 0, updateOf = 0, changed = 0, overChangedTables = 0;
        for (var seed = 1; seed <= 200; seed++)
        {
            var (a, b) = new SchemaGenerator(seed).Pair();
            var (schemaA, schemaB) = new ObjectGenerator(seed).Pair(a, b);
            var names = schemaA.Views.Select(v => v.Name).ToHashSet();
            if (schemaA.Views.Count > 0) views++;
            if (schemaA.Views.Any(v => names.Any(n => v.Sql.EndsWith(" FROM " + n, StringComparison.Ordinal)))) chains++;
            if (schemaA.Triggers.Count > 0) triggers++;
            if (schemaA.Triggers.Concat(schemaB.Triggers).Any(t => t.UpdateOf.Count > 0)) updateOf++;
            if (!schemaA.Views.SequenceEqual(schemaB.Views) || !schemaA.Triggers.SequenceEqual(schemaB.Triggers)) changed++;
            var changedTables = b.Where(t => t.Origin is null || !a.First(o => o.Name == t.Origin).ToModel().Equals(t.ToModel() with { RenamedFrom = null }))
                .Select(t => t.Name).ToHashSet();
            if (schemaB.Views.Any(v => changedTables.Any(t => v.Sql.Contains(" FROM " + t, StringComparison.Ordinal)))
                || schemaB.Triggers.Any(t => changedTables.Contains(t.Table)))
                overChangedTables++;
        }
        Assert.True(views > 80 && chains > 15 && triggers > 60 && updateOf > 20 && changed > 100 && overChangedTables > 60,
            $"views {views}, chains {chains}, triggers {triggers}, update_of {updateOf}, changed {changed}, over changed tables {overChangedTables}");
    }

    [Fact]
    public void On_postgres_some_seeds_give_triggers_of_two_tables_one_name()
    {
        var shared = 0;
        for (var seed = 1; seed <= 200; seed++)
        {
            var (a, b) = new SchemaGenerator(seed).Pair();
            var (schemaA, schemaB) = new ObjectGenerator(seed, ObjectGenerator.TriggerForm.Function).Pair(a, b);
            if (new[] { schemaA, schemaB }.Any(s => s.Triggers.GroupBy(t => t.Name).Any(g => g.Count() > 1)))
                shared++;
            Assert.All(new[] { schemaA, schemaB }, s => Assert.Equal(s.Triggers.Count, s.Triggers.DistinctBy(t => (t.Table, t.Name)).Count()));
        }
        Assert.True(shared > 15, $"seeds with a shared trigger name: {shared}");
    }
}
