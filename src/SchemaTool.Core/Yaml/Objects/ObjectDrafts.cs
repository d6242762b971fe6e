using SchemaTool.Model;

namespace SchemaTool.Yaml.Objects;

/// <summary>The objects beyond tables as read from the model files, each with where it was declared, for the errors.</summary>
internal sealed class ObjectDrafts
{
    public List<(View View, string Where)> Views { get; } = [];
    /// <summary>Each trigger with its key in the model, which its name (the server's) may differ from.</summary>
    public List<(Trigger Trigger, string Key, string Where)> Triggers { get; } = [];
    public List<(Routine Routine, string Where)> Routines { get; } = [];
    public List<(EnumType Type, string Where)> Enums { get; } = [];
    public List<(DomainType Type, string Where)> Domains { get; } = [];
    public List<(CompositeType Type, string Where)> Composites { get; } = [];
    public List<(Sequence Sequence, string Where)> Sequences { get; } = [];
    public List<(Extension Extension, string Where)> Extensions { get; } = [];
    public List<(Namespace Namespace, string Where)> Namespaces { get; } = [];
    public List<(ScheduledEvent Event, string Where)> Events { get; } = [];

    public Schema AddTo(Schema schema) => schema with
    {
        Views = Sorted(Views, v => v.View, v => v.Name),
        Triggers = Triggers.Select(t => t.Trigger).OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Table, StringComparer.Ordinal).ToValueList(),
        Routines = Sorted(Routines, r => r.Routine, r => r.KeyName),
        Enums = Sorted(Enums, e => e.Type, e => e.Name),
        Domains = Sorted(Domains, d => d.Type, d => d.Name),
        Composites = Sorted(Composites, c => c.Type, c => c.Name),
        Sequences = Sorted(Sequences, s => s.Sequence, s => s.Name),
        Extensions = Sorted(Extensions, e => e.Extension, e => e.Name),
        Namespaces = Sorted(Namespaces, n => n.Namespace, n => n.Name),
        Events = Sorted(Events, e => e.Event, e => e.Name),
    };

    /// <summary>Each object's kind as messages name it, its name, and where it is declared.</summary>
    public IEnumerable<(string Kind, string Name, string Where)> Named()
    {
        foreach (var (view, where) in Views) yield return (view.Materialized ? "materialized view" : "view", view.Name, where);
        foreach (var (trigger, _, where) in Triggers) yield return ("trigger", trigger.Name, where);
        foreach (var (routine, where) in Routines) yield return (routine.Kind.ToString().ToLowerInvariant(), routine.Name, where);
        foreach (var (type, where) in Enums) yield return ("enum type", type.Name, where);
        foreach (var (type, where) in Domains) yield return ("domain", type.Name, where);
        foreach (var (type, where) in Composites) yield return ("composite type", type.Name, where);
        foreach (var (sequence, where) in Sequences) yield return ("sequence", sequence.Name, where);
        foreach (var (extension, where) in Extensions) yield return ("extension", extension.Name, where);
        foreach (var (schema, where) in Namespaces) yield return ("schema", schema.Name, where);
        foreach (var (e, where) in Events) yield return ("event", e.Name, where);
    }

    private static ValueList<T> Sorted<TDraft, T>(List<TDraft> drafts, Func<TDraft, T> item, Func<T, string> name) =>
        drafts.Select(item).OrderBy(name, StringComparer.Ordinal).ToValueList();
}
