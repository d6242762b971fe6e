using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

public sealed partial class MySqlRewriter
{
    /// <summary>
    /// CREATE OR REPLACE VIEW does not look at the views that read the replaced one: a column they read may go, and
    /// the up file or its inverse, the down file, replaces the outer view while the inner one lacks it. A view that
    /// another view reads (before or after the plan) is therefore dropped and created instead, and the views reading
    /// it follow (DependentObjects), in an order that holds in both directions. A view nothing reads is replaced in place.
    /// </summary>
    private void DropAndCreateViewsOthersRead(List<Operation> ops)
    {
        var read = current.Views.Concat(desired.Views)
            .SelectMany(v => (v.DependsOn ?? []).Where(d => d.Kind == DependencyKind.Relation && d.Name != v.Name).Select(d => d.Name))
            .ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < ops.Count; i++)
        {
            if (ops[i] is not ReplaceView replace || !read.Contains(replace.From.Name)) continue;
            ops[i] = new DropView(replace.From);
            ops.Insert(i + 1, new CreateView(replace.To));
        }
    }

    /// <summary>MySQL 8 has no CREATE OR REPLACE FUNCTION (MariaDB has): one form for both, a drop and a create.</summary>
    private static void DropAndCreateRoutines(List<Operation> ops)
    {
        for (var i = 0; i < ops.Count; i++)
        {
            if (ops[i] is not ReplaceRoutine replace) continue;
            ops[i] = new DropRoutine(replace.From);
            ops.Insert(i + 1, new CreateRoutine(replace.To));
        }
    }
}
