using SchemaTool.Model;

namespace SchemaTool.Tests.Generated;

/// <summary>
/// Views and triggers for a pair of generated table lists (<see cref="SchemaGenerator"/>): A gets views over its
/// tables (some over other views: chains) and triggers whose WHEN and body read columns; B keeps A's objects as B's
/// tables allow (renamed tables and columns followed, dropped ones taken out), then changes some: another column
/// list or condition, a view or trigger dropped, new ones added. So B's table changes (rebuilds, renames, drops)
/// run under views and triggers that must be dropped and created around them. A random of its own, so the tables
/// of every seed stay what they were without objects. <paramref name="form"/> says how a trigger acts: by a
/// BEGIN ... END body (SQLite), by a function of the model (PostgreSQL: one trigger function, added to a model with
/// triggers), or not at all (views only).
/// </summary>
public sealed class ObjectGenerator(int seed, ObjectGenerator.TriggerForm form = ObjectGenerator.TriggerForm.Body)
{
    public enum TriggerForm
    {
        None,
        Body,
        Function,
    }

    /// <summary>The trigger function of <see cref="TriggerForm.Function"/>: lets every row through, a deleted one too.</summary>
    private const string TriggerFunction = "CREATE FUNCTION gen_pass() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN COALESCE(NEW, OLD); END $$";

    private bool WithTriggers => form != TriggerForm.None;

    private readonly Random _random = new(seed * 7919 + 17);
    private int _names;

    /// <summary>A view over a table (its columns, maybe a condition), or over another view (Columns null: that view's first column).</summary>
    private sealed record GenView(string Name, string From, List<string>? Columns, string? Filter);

    private sealed record GenTrigger(string Name, string Table, TriggerTiming Timing, TriggerEvent Event, string Column, bool UpdateOf);

    private readonly List<GenView> _viewsA = [];
    private readonly List<GenTrigger> _triggersA = [];
    private readonly List<GenView> _viewsB = [];
    private readonly List<GenTrigger> _triggersB = [];

    public (Schema A, Schema B) Pair(List<GenTable> a, List<GenTable> b)
    {
        Add(a, _viewsA, _triggersA, _random.Next(0, 4));
        Carry(b);
        for (var edits = _random.Next(0, 3); edits > 0; edits--) Mutate(b);
        return (Build(a, _viewsA, _triggersA), Build(b, _viewsB, _triggersB));
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private bool Chance(int percent) => _random.Next(100) < percent;

    private void Add(List<GenTable> tables, List<GenView> views, List<GenTrigger> triggers, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (Chance(60) || !WithTriggers) AddView(tables, views);
            else AddTrigger(tables, triggers);
        }
    }

    private void AddView(List<GenTable> tables, List<GenView> views)
    {
        if (views.Count > 0 && Chance(35))
        {
            views.Add(new GenView($"v{++_names}", Pick(views).Name, null, null));
            return;
        }
        var table = Pick(tables);
        var columns = table.Columns.OrderBy(_ => _random.Next()).Take(_random.Next(1, Math.Min(4, table.Columns.Count + 1))).Select(c => c.Name).ToList();
        views.Add(new GenView($"v{++_names}", table.Name, columns, Chance(40) ? Pick(columns) : null));
    }

    private void AddTrigger(List<GenTable> tables, List<GenTrigger> triggers)
    {
        var table = Pick(tables);
        var e = Pick([TriggerEvent.Insert, TriggerEvent.Update, TriggerEvent.Delete]);
        triggers.Add(new GenTrigger(TriggerName(table, triggers), table.Name, Pick([TriggerTiming.Before, TriggerTiming.After]), e,
            Pick(table.Columns).Name, e == TriggerEvent.Update && Chance(50)));
    }

    /// <summary>
    /// A new name, or on PostgreSQL, which keeps a trigger's name per table, now and then the name of another table's
    /// trigger (as pagila's tables share last_updated) that this table has no trigger of.
    /// </summary>
    private string TriggerName(GenTable table, List<GenTrigger> triggers)
    {
        if (form != TriggerForm.Function || !Chance(70)) return $"trg{++_names}";
        var shared = triggers.Where(t => t.Table != table.Name && !triggers.Any(o => o.Table == table.Name && o.Name == t.Name)).ToList();
        return shared.Count > 0 ? Pick(shared).Name : $"trg{++_names}";
    }

    /// <summary>A's objects as B's tables allow: through renames, without what B dropped.</summary>
    private void Carry(List<GenTable> b)
    {
        var tableOf = b.Where(t => t.Origin is not null).ToDictionary(t => t.Origin!);
        string? Column(GenTable table, string column) => table.Columns.FirstOrDefault(c => c.Origin == column)?.Name;
        foreach (var view in _viewsA)
        {
            if (view.Columns is null)
            {
                if (_viewsB.Any(v => v.Name == view.From)) _viewsB.Add(view);
                continue;
            }
            if (!tableOf.TryGetValue(view.From, out var table)) continue;
            var columns = view.Columns.Select(c => Column(table, c)).OfType<string>().ToList();
            if (columns.Count > 0)
                _viewsB.Add(view with { From = table.Name, Columns = columns, Filter = view.Filter is { } f ? Column(table, f) : null });
        }
        foreach (var trigger in _triggersA)
            if (tableOf.TryGetValue(trigger.Table, out var table) && Column(table, trigger.Column) is { } column)
                _triggersB.Add(trigger with { Table = table.Name, Column = column });
    }

    private void Mutate(List<GenTable> b)
    {
        switch (_random.Next(4))
        {
            case 0 when _viewsB.Any(v => v.Columns is not null):
                var view = Pick(_viewsB.Where(v => v.Columns is not null).ToList());
                var table = b.First(t => t.Name == view.From);
                _viewsB[_viewsB.IndexOf(view)] = Chance(50)
                    ? view with { Filter = view.Filter is null ? view.Columns![0] : null }
                    : view with { Columns = [Pick(table.Columns).Name] };
                break;
            case 1 when _viewsB.Count + _triggersB.Count > 0:
                var leaves = _viewsB.Where(v => _viewsB.All(o => o.From != v.Name)).ToList();
                if (leaves.Count > 0 && Chance(50)) _viewsB.Remove(Pick(leaves));
                else if (_triggersB.Count > 0) _triggersB.Remove(Pick(_triggersB));
                break;
            case 2:
                AddView(b, _viewsB);
                break;
            default:
                if (WithTriggers) AddTrigger(b, _triggersB);
                else AddView(b, _viewsB);
                break;
        }
    }

    private Schema Build(List<GenTable> tables, List<GenView> views, List<GenTrigger> triggers) =>
        new Schema(tables.Select(t => t.ToModel())) with
        {
            Routines = form == TriggerForm.Function && triggers.Count > 0
                ? [new Routine("gen_pass", RoutineKind.Function, TriggerFunction)]
                : [],
            Views = views.Select(v => new View(v.Name, $"SELECT {string.Join(", ", Columns(v, views))} FROM {v.From}" +
                (v.Filter is { } f ? $" WHERE {f} IS NOT NULL" : ""))).ToValueList(),
            Triggers = triggers.Select(t =>
            {
                var row = t.Event == TriggerEvent.Delete ? "OLD" : "NEW";
                return form == TriggerForm.Function
                    ? new Trigger(t.Name, t.Table, t.Timing, [t.Event], Execute: "gen_pass()",
                        UpdateOf: t.UpdateOf ? [t.Column] : default, When: $"{row}.{Quoted(t.Column)} IS NOT NULL")
                    : new Trigger(t.Name, t.Table, t.Timing, [t.Event], Body: $"SELECT {row}.{t.Column};",
                        UpdateOf: t.UpdateOf ? [t.Column] : default, When: $"{row}.{t.Column} IS NOT NULL");
            }).ToValueList(),
        };

    /// <summary>
    /// The same objects as MySQL can hold them: a trigger's WHEN becomes an IF in its body, UPDATE OF goes (the body
    /// runs on any update), and the body sets a variable, since a MySQL trigger cannot return rows.
    /// </summary>
    public static Schema ForMySql(Schema schema) => schema with
    {
        Triggers = schema.Triggers.Select(t => t with
        {
            When = null,
            UpdateOf = default,
            Body = $"IF {t.When} THEN\n  {t.Body!.Replace("SELECT ", "SET @seen = ", StringComparison.Ordinal)}\nEND IF;",
        }).ToValueList(),
    };

    private static List<string> Columns(GenView view, List<GenView> views) =>
        view.Columns ?? [Columns(views.First(v => v.Name == view.From), views)[0]];

    /// <summary>A column name as PostgreSQL reads it in an expression: quoted, since it may have capitals.</summary>
    private static string Quoted(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
