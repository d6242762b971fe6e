using System.Text;
using SchemaTool.Dialects.Lexing;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// The canonical form of the model's objects is read from a scratch schema (PostgresSession.Canonical); an object of
/// another schema (derived.processed_events) gets a scratch schema of its own for its schema, so that nothing the
/// model creates there meets the database's objects of the same names. The model's names and the schema
/// qualifiers of its SQL text go to the scratch schemas, and what is read back comes home: only the scratch
/// schemas' objects, their names, texts and dependencies in the real schemas' names, qualified as the server
/// qualifies them in the database (pg_get_viewdef prints a schema off the search_path, quoted when it must be).
/// </summary>
internal sealed class PostgresScratchSchemas
{
    private readonly Dictionary<string, string> _toScratch = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _toReal = new(StringComparer.Ordinal);
    private readonly HashSet<(string Schema, string Name)> _objects = [];
    private readonly string _scratch;
    private readonly string _managed;

    /// <param name="scratch">the main scratch schema, which stands for <paramref name="managed"/>, the session's schema</param>
    public PostgresScratchSchemas(string scratch, Schema model, string managed)
    {
        (_scratch, _managed) = (scratch, managed);
        var schemas = model.Namespaces.Select(n => n.Name)
            .Concat(model.Tables.Select(t => t.Name)).Concat(model.Views.Select(v => v.Name)).Concat(model.Routines.Select(r => r.Name))
            .Concat(model.Enums.Select(e => e.Name)).Concat(model.Domains.Select(d => d.Name)).Concat(model.Composites.Select(c => c.Name)).Concat(model.Sequences.Select(s => s.Name))
            .Select(name => model.Namespaces.Any(n => n.Name == name) ? name : QualifiedName.SchemaOf(name)).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var name in model.Tables.Select(t => t.Name).Concat(model.Views.Select(v => v.Name)).Concat(model.Routines.Select(r => r.Name))
                     .Concat(model.Enums.Select(e => e.Name)).Concat(model.Domains.Select(d => d.Name)).Concat(model.Sequences.Select(s => s.Name)))
            _objects.Add((QualifiedName.SchemaOf(name) ?? managed, QualifiedName.LocalOf(name)));
        var i = 0;
        foreach (var schema in schemas)
        {
            var name = $"{scratch}_{++i}_"; // the closing _ keeps one name from being the start of another
            _toScratch[schema] = name;
            _toReal[name] = schema;
        }
    }

    /// <summary>The scratch schemas to create beside the main one.</summary>
    public IEnumerable<string> Schemas => _toReal.Keys;

    /// <summary>The model with its qualified names and the qualifiers of its SQL in the scratch schemas.</summary>
    public Schema ToScratch(Schema model) => model with
    {
        Tables = model.Tables.Select(t => t with
        {
            Name = Name(t.Name),
            Columns = t.Columns.Select(c => c with { Type = Text(c.Type) }).ToValueList(),
        }).ToValueList(),
        Enums = model.Enums.Select(e => e with { Name = Name(e.Name) }).ToValueList(),
        Domains = model.Domains.Select(d => d with { Name = Name(d.Name), BaseType = Text(d.BaseType) }).ToValueList(),
        Composites = model.Composites.Select(c => c with
        {
            Name = Name(c.Name), Attributes = c.Attributes.Select(a => a with { Type = Text(a.Type) }).ToValueList(),
        }).ToValueList(),
        Sequences = model.Sequences.Select(s => s with { Name = Name(s.Name) }).ToValueList(),
        Views = model.Views.Select(v => v with { Name = Name(v.Name), Sql = Text(v.Sql) }).ToValueList(),
        Routines = model.Routines.Select(r => r with { Name = Name(r.Name), Definition = Text(r.Definition) }).ToValueList(),
        Triggers = model.Triggers.Select(t => t with
        {
            Table = Name(t.Table),
            When = t.When is null ? null : Text(t.When),
            Execute = t.Execute is null ? null : Text(t.Execute),
        }).ToValueList(),
    };

    /// <summary>
    /// What was read from the scratch schemas, in the real schemas' names: the objects of the main scratch schema
    /// (unqualified) and of the other scratch schemas; the database's own objects, which the read sees too, left out.
    /// </summary>
    public Schema FromScratch(Schema read) => read with
    {
        Views = read.Views.Where(v => Mine(v.Name)).Select(v => v with
        {
            Name = Back(v.Name),
            Sql = BackText(v.Sql),
            Indexes = v.Indexes,
            DependsOn = Back(v.DependsOn),
        }).ToValueList(),
        Routines = read.Routines.Where(r => Mine(r.Name)).Select(r => r with
        {
            Name = Back(r.Name), Definition = BackText(r.Definition), DependsOn = Back(r.DependsOn),
            Arguments = r.Arguments is null ? null : BackText(r.Arguments),
        }).ToValueList(),
        Triggers = read.Triggers.Where(t => Mine(t.Table)).Select(t => t with
        {
            Table = Back(t.Table),
            When = t.When is null ? null : BackText(t.When),
            Execute = t.Execute is null ? null : BackText(t.Execute),
            DependsOn = Back(t.DependsOn),
        }).ToValueList(),
    };

    /// <summary>A scratch object's name as the model has it, for messages.</summary>
    public string Real(string name) => Back(name);

    private bool Mine(string name) => QualifiedName.SchemaOf(name) is not { } schema || _toReal.ContainsKey(schema);

    private string Name(string name) =>
        QualifiedName.SchemaOf(name) is { } schema && _toScratch.TryGetValue(schema, out var scratch) ? scratch + "." + QualifiedName.LocalOf(name) : name;

    private string Back(string name) =>
        QualifiedName.SchemaOf(name) is { } schema && _toReal.TryGetValue(schema, out var real) ? real + "." + QualifiedName.LocalOf(name) : name;

    private ValueList<Dependency>? Back(ValueList<Dependency>? dependencies) =>
        dependencies?.Select(d => d with { Name = Back(d.Name), Arguments = d.Arguments is null ? null : BackText(d.Arguments) }).ToValueList();

    /// <summary>A text read from the scratch schemas (a routine's identity arguments) in the real schemas' names.</summary>
    public string FromScratchText(string text) => BackText(text);

    /// <summary>
    /// The text with each schema qualifier the model declares put in its scratch schema, the managed schema's in the
    /// main one (a view's text that names it, as pg_get_viewdef prints a table a CTE of the same name hides:
    /// public.t). A qualifier is a name before a dot, not after one, followed by an object of the model in that
    /// schema or by two more names (schema.table.column): person.firstname in a view over person.person is the
    /// table's column, not the schema's.
    /// </summary>
    private string Text(string sql)
    {
        if (!sql.Contains('.')) return sql;
        var tokens = PostgresLexer.Instance.Tokens(sql).ToList();
        var text = new StringBuilder();
        var at = 0;
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            var qualifier = tokens[i];
            if (qualifier.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier) || i > 0 && tokens[i - 1].IsPunctuation('.')
                || !tokens[i + 1].IsPunctuation('.') || SchemaName(qualifier) is not { } schema || SchemaName(tokens[i + 2]) is not { } name)
                continue;
            if (!_toScratch.TryGetValue(schema, out var scratch) && !(schema == _managed && (scratch = _scratch) is not null)) continue;
            var threeParts = i + 4 < tokens.Count && tokens[i + 3].IsPunctuation('.');
            if (!threeParts && !_objects.Contains((schema, name))) continue;
            text.Append(sql, at, qualifier.Start - at).Append(scratch);
            at = qualifier.End;
        }
        return text.Append(sql, at, sql.Length - at).ToString();
    }

    private static string? SchemaName(SqlToken token) => token.Kind == SqlTokenKind.QuotedIdentifier
        ? token.Length >= 2 ? token.Text[1..^1].Replace("\"\"", "\"") : null
        : token.Text.ToLowerInvariant();

    /// <summary>
    /// The text read back with each scratch schema's name (random, so found as it is) in its real schema's, quoted as
    /// the server prints it; the main one's last, since it begins the others' names.
    /// </summary>
    private string BackText(string text)
    {
        if (!text.Contains(_scratch, StringComparison.Ordinal)) return text;
        foreach (var (scratch, real) in _toReal)
            if (text.Contains(scratch, StringComparison.Ordinal)) text = text.Replace(scratch, QuoteIdent(real), StringComparison.Ordinal);
        return text.Replace(_scratch, QuoteIdent(_managed), StringComparison.Ordinal);
    }

    /// <summary>quote_ident's spelling: plain lower-case names bare, the rest in double quotes.</summary>
    private static string QuoteIdent(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
        && !SqlTokenizer.QuotedKeywords.Contains(name)
            ? name
            : PostgresSqlGenerator.Q(name);
}
