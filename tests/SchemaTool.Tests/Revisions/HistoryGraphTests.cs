using SchemaTool.Revisions;
using static SchemaTool.Tests.RevisionHistory.RevisionGraphTests;

namespace SchemaTool.Tests.RevisionHistory;

public sealed class HistoryGraphTests
{
    private static string Draw(RevisionGraph graph) =>
        string.Join("\n", HistoryGraph.Render(graph.TopologicalOrder().Reverse().ToList(), r => r.Id.TrimStart('0'))) + "\n";

    [Fact]
    public void A_line_of_revisions_is_one_lane()
    {
        var graph = RevisionGraph.Build([Rev("1"), Rev("2", "1"), Rev("3", "2")]);
        Assert.Equal("* 3\n* 2\n* 1\n", Draw(graph));
    }

    [Fact]
    public void A_branch_point_shows_where_the_lanes_join()
    {
        Assert.Equal(
            """
            * 4
            | * 3
            * | 2
            |/
            * 1

            """, Draw(Forked()));
    }

    [Fact]
    public void A_merge_opens_a_lane_for_its_second_parent()
    {
        Assert.Equal(
            """
            * 5
            |\
            * | 4
            | * 3
            * | 2
            |/
            * 1

            """, Draw(Forked(merged: true)));
    }

    [Fact]
    public void A_lane_joining_two_columns_away_takes_two_rows()
    {
        // 6 is a head beside the merge 5; 3's lane ends on 1's lane, two columns left, one column per row.
        var graph = RevisionGraph.Build([Rev("1"), Rev("2", "1"), Rev("3", "1"), Rev("5", "2", "3"), Rev("6", "1")]);
        Assert.Equal(
            """
            * 6
            | * 5
            | |\
            | | * 3
            | |/
            |/|
            | * 2
            |/
            * 1

            """, Draw(graph));
    }
}
