namespace SchemaTool.Tests.RealApps;

/// <summary>The test reads inspect's "Left alone" comment as inspect writes it, whatever note follows a name.</summary>
public sealed class LeftAloneTests
{
    [Fact]
    public void A_sequence_used_by_a_default_is_named_without_its_note()
    {
        var sequence = LeftAlone.Parse("sequence actor_actor_id_seq (used by the default of actor.actor_id)");

        Assert.Equal(("sequence", "actor_actor_id_seq", (string?)null), (sequence.Kind, sequence.Name, sequence.Table));
        Assert.True(sequence.Names("public.actor_actor_id_seq"));
    }

    [Fact]
    public void An_object_on_a_table_keeps_its_table()
    {
        var trigger = LeftAlone.Parse("trigger last_updated (on actor)");

        Assert.Equal(("trigger", "last_updated", "actor"), (trigger.Kind, trigger.Name, trigger.Table));
    }

    /// <summary>A table that inherits from another is a table left alone: its facts are not compared.</summary>
    [Fact]
    public void An_inherited_table_is_a_table_whose_facts_are_left_out()
    {
        var child = LeftAlone.Parse("inherited table payment_p2007_01");

        Assert.Equal(("inherited table", "payment_p2007_01"), (child.Kind, child.Name));
        Assert.True(child.HoldsFacts);
        Assert.True(child.Names("public.payment_p2007_01"));
    }
}
