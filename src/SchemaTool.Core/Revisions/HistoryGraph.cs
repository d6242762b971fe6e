using System.Text;

namespace SchemaTool.Revisions;

/// <summary>
/// Draws revisions as a graph in the manner of <c>git log --graph</c>: one lane per line of descent, <c>*</c> for a
/// revision, <c>|</c> for a lane passing by, <c>\</c> where a merge opens a lane to its second parent and <c>/</c>
/// where a lane joins another (a branch point, seen from its children).
/// </summary>
public static class HistoryGraph
{
    /// <param name="newestFirst">Every revision before its parents, as the graph reads top to bottom.</param>
    /// <param name="describe">The text after the lanes on a revision's line.</param>
    public static IReadOnlyList<string> Render(IReadOnlyList<Revision> newestFirst, Func<Revision, string> describe)
    {
        var lines = new List<string>();
        var lanes = new List<string>();
        foreach (var revision in newestFirst)
        {
            var column = lanes.IndexOf(revision.Id);
            if (column < 0)
            {
                lanes.Add(revision.Id);
                column = lanes.Count - 1;
            }
            lines.Add(RevisionRow(lanes.Count, column) + " " + describe(revision));

            var (next, moves) = Advance(lanes, column, revision.Parents);
            lines.AddRange(TransitionRows(moves));
            lanes = next;
        }
        return lines;
    }

    /// <summary>
    /// The lanes after <paramref name="column"/>'s revision gives way to its parents, and where each old lane goes:
    /// a parent already waited for by another lane joins that lane, so every revision has exactly one lane.
    /// </summary>
    private static (List<string> Next, List<(int From, int To)> Moves) Advance(List<string> lanes, int column, IReadOnlyList<string> parents)
    {
        var expanded = new List<(int From, string Id)>();
        for (var i = 0; i < lanes.Count; i++)
        {
            if (i != column) expanded.Add((i, lanes[i]));
            else foreach (var parent in parents) expanded.Add((i, parent));
        }
        var next = new List<string>();
        var moves = new List<(int, int)>();
        foreach (var (from, id) in expanded)
        {
            var to = next.IndexOf(id);
            if (to < 0)
            {
                next.Add(id);
                to = next.Count - 1;
            }
            moves.Add((from, to));
        }
        return (next, moves);
    }

    /// <summary>Lanes move one column per row; <c>\</c> and <c>/</c> sit between columns, so they never hide a <c>|</c>.</summary>
    private static IEnumerable<string> TransitionRows(List<(int From, int To)> moves)
    {
        var rows = moves.Count == 0 ? 0 : moves.Max(m => Math.Abs(m.To - m.From));
        for (var k = 0; k < rows; k++)
        {
            var width = 2 * moves.Max(m => Math.Max(m.From, m.To)) + 2;
            var row = new StringBuilder(new string(' ', width));
            foreach (var (from, to) in moves)
            {
                var distance = to - from;
                if (Math.Abs(distance) <= k) row[2 * to] = '|';
                else if (distance > 0) row[2 * (from + k) + 1] = '\\';
                else row[2 * (from - k) - 1] = '/';
            }
            yield return row.ToString().TrimEnd();
        }
    }

    private static string RevisionRow(int laneCount, int column) =>
        string.Join(" ", Enumerable.Range(0, laneCount).Select(i => i == column ? "*" : "|"));
}
