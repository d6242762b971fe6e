using System.Globalization;
using SchemaTool.Dialects.Lexing;
using SchemaTool.Model;
using SchemaTool.Yaml.Objects;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml;

/// <summary>
/// Reads model YAML (SPEC.md) into a <see cref="Schema"/>: expands the column shorthands (primary_key,
/// unique, index, references) into table-level objects with deterministic names, and checks references.
/// </summary>
public static class ModelLoader
{
    private static readonly string[] TopKeys =
        ["tables", "views", "triggers", "functions", "procedures", "types", "sequences", "extensions", "schemas", "events", "aggregates"];
    private static readonly string[] TableKeys =
    [
        "columns", "primary_key", "indexes", "foreign_keys", "checks", "comment", "renamed_from", "partition_by", "partitions",
        "engine", "charset", "collation", "row_format", "unlogged", "without_rowid", "strict", "virtual", "exclusions", "with", "key_block_size",
        "cluster_on",
    ];
    private static readonly string[] ColumnKeys =
    [
        "type", "nullable", "default", "default_sql", "primary_key", "auto_increment", "unique", "index",
        "references", "on_delete", "on_update", "renamed_from", "comment", "collation", "generated", "declared_type", "check", "statistics",
    ];

    /// <summary>Loads every *.yaml / *.yml file of a folder (sorted by name), or one file, and merges them.</summary>
    /// <param name="sqlLexer">the target database's lexer: each SQL field must be one expression by its rules (null: unchecked)</param>
    public static Schema LoadPath(string path, SqlLexer? sqlLexer = null)
    {
        string[] files;
        if (Directory.Exists(path))
            files = Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal).ToArray();
        else if (File.Exists(path))
            files = [path];
        else
            throw new ModelException([$"{path}: the schema folder or file does not exist; create it or set `schema:` in schematool.yaml"]);

        return Load(files.Select(f => Path.GetRelativePath(Directory.GetCurrentDirectory(), f)).Select(f => (f, SourceText.Read(f, f))), sqlLexer);
    }

    public static Schema Load(string file, string text, SqlLexer? sqlLexer = null) => Load([(file, text)], sqlLexer);

    public static Schema Load(IEnumerable<(string File, string Text)> sources, SqlLexer? sqlLexer = null)
    {
        var errors = new List<string>();
        var tables = new List<TableDraft>();
        var objects = new ObjectDrafts();
        foreach (var (file, text) in sources)
        {
            var nodes = new YamlNodes(file, sqlLexer);
            if (SourceText.NulError(file, text) is { } nul)
            {
                errors.Add(nul);
                continue;
            }
            var root = Parse(file, text, errors);
            if (root is not null) ReadRoot(root, nodes, tables, objects);
            errors.AddRange(nodes.Errors);
        }

        foreach (var duplicate in tables.GroupBy(t => t.Name).Where(g => g.Count() > 1))
            errors.Add($"{duplicate.Last().Where}: table '{duplicate.Key}' is declared twice (also at {duplicate.First().Where})");

        NameCharacters.Check(tables, errors);
        NameCharacters.Check(objects, errors);
        SqlWords.Check(tables, errors);
        if (errors.Count == 0) ModelValidator.Validate(tables, errors);
        if (errors.Count == 0) ObjectValidator.Validate(objects, tables, errors);
        if (errors.Count > 0) throw new ModelException(errors);
        var schema = objects.AddTo(new Schema(tables.Select(t => t.Build()).OrderBy(t => t.Name, StringComparer.Ordinal)));
        ModelPositions.Attach(schema, tables, objects);
        return schema;
    }

    private static YamlValue? Parse(string file, string text, List<string> errors)
    {
        try
        {
            return YamlDocument.Read(text);
        }
        catch (YamlSyntaxException e)
        {
            errors.Add($"{file}:{e.Line}:{e.Column}: {e.Message}");
            return null;
        }
    }

    private static void ReadRoot(YamlValue root, YamlNodes nodes, List<TableDraft> tables, ObjectDrafts objects)
    {
        if (YamlNodes.IsNull(root)) return;
        if (nodes.Map(root, "the model file") is not { } map) return;
        foreach (var (key, value, _) in nodes.Entries(map, "the model file", TopKeys))
        {
            if (YamlNodes.IsNull(value)) continue;
            switch (key)
            {
                case "extensions": NamespaceReader.ReadExtensions(value, nodes, objects); continue;
                case "schemas": NamespaceReader.ReadNamespaces(value, nodes, objects); continue;
            }
            if (nodes.Map(value, key) is not { } entries) continue;
            foreach (var (name, node, keyNode) in nodes.Entries(entries, key, []))
            {
                switch (key)
                {
                    case "tables": tables.Add(ReadTable(name, node, keyNode, nodes)); break;
                    case "views": ViewReader.Read(name, node, keyNode, nodes, objects); break;
                    case "triggers": TriggerReader.Read(name, node, keyNode, nodes, objects); break;
                    case "functions": RoutineReader.Read(RoutineKind.Function, name, node, keyNode, nodes, objects); break;
                    case "procedures": RoutineReader.Read(RoutineKind.Procedure, name, node, keyNode, nodes, objects); break;
                    case "aggregates": RoutineReader.Read(RoutineKind.Aggregate, name, node, keyNode, nodes, objects); break;
                    case "types": TypeReader.Read(name, node, keyNode, nodes, objects); break;
                    case "sequences": SequenceReader.Read(name, node, keyNode, nodes, objects); break;
                    case "events": EventReader.Read(name, node, keyNode, nodes, objects); break;
                }
            }
        }
    }

    private static TableDraft ReadTable(string name, YamlValue node, YamlValue keyNode, YamlNodes nodes)
    {
        var table = new TableDraft(name, nodes.Where(keyNode), nodes);
        if (nodes.Map(node, $"table '{name}'") is not { } map) return table;
        var sawColumns = false;
        YamlValue? clusterOn = null;
        var keys = new List<(string Key, YamlValue Node)>();
        foreach (var (key, value, keyAt) in nodes.Entries(map, $"table '{name}'", TableKeys))
        {
            keys.Add((key, keyAt));
            switch (key)
            {
                case "columns":
                    sawColumns = true;
                    if (nodes.Map(value, $"columns of '{name}'") is { } columns)
                        foreach (var (column, columnNode, columnKey) in nodes.Entries(columns, $"columns of '{name}'", []))
                            ReadColumn(table, column, columnNode, columnKey, nodes);
                    break;
                case "primary_key":
                    (table.TableKey, table.TableKeyName, table.TableKeyDeferrable) = TableOptionsReader.ReadPrimaryKey(value, $"primary_key of '{name}'", nodes);
                    table.TableKeyWhere = nodes.Where(value);
                    break;
                case "indexes":
                    if (nodes.Map(value, $"indexes of '{name}'") is { } indexes)
                        foreach (var (index, indexNode, indexKey) in nodes.Entries(indexes, $"indexes of '{name}'", []))
                            IndexReader.Read(table, index, indexNode, indexKey, nodes);
                    break;
                case "foreign_keys":
                    if (nodes.Map(value, $"foreign_keys of '{name}'") is { } fks)
                        foreach (var (fk, fkNode, fkKey) in nodes.Entries(fks, $"foreign_keys of '{name}'", []))
                            ForeignKeyReader.Read(table, fk, fkNode, fkKey, nodes);
                    break;
                case "checks":
                    if (nodes.Map(value, $"checks of '{name}'") is { } checks)
                        foreach (var (check, checkNode, checkKey) in nodes.Entries(checks, $"checks of '{name}'", []))
                            if (TableOptionsReader.ReadCheck(check, name, checkNode, nodes) is { } read)
                                table.Checks.Add((read, nodes.Where(checkKey)));
                    break;
                case "exclusions": ExclusionReader.Read(table, value, nodes); break;
                case "partition_by":
                    table.PartitionBy = nodes.Sql(value, $"partition_by of table '{name}'");
                    break;
                case "partitions":
                    table.Partitions = TableOptionsReader.ReadPartitions(value, $"table '{name}'", nodes);
                    table.PartitionsWhere = nodes.Where(value);
                    break;
                case "comment":
                    table.Comment = nodes.String(value, "comment");
                    break;
                case "renamed_from":
                    table.RenamedFrom = nodes.String(value, "renamed_from");
                    break;
                case "engine": table.Options = table.Options with { Engine = nodes.String(value, key) }; break;
                case "charset": table.Options = table.Options with { Charset = nodes.String(value, key) }; break;
                case "collation": table.Options = table.Options with { Collation = nodes.String(value, key) }; break;
                case "row_format": table.Options = table.Options with { RowFormat = nodes.String(value, key) }; break;
                case "key_block_size":
                    table.Options = table.Options with { KeyBlockSize = nodes.Int(value, key) };
                    if (table.Options.KeyBlockSize is < 1 or > 16) nodes.Error(value, "key_block_size must be from 1 to 16 (KB)");
                    break;
                case "unlogged": table.Options = table.Options with { Unlogged = nodes.Bool(value, key) ?? false }; break;
                case "without_rowid": table.Options = table.Options with { WithoutRowId = nodes.Bool(value, key) ?? false }; break;
                case "strict": table.Options = table.Options with { Strict = nodes.Bool(value, key) ?? false }; break;
                case "virtual": table.Options = table.Options with { Virtual = nodes.Sql(value, $"virtual of table '{name}'") }; break;
                case "cluster_on": clusterOn = value; table.ClusterOn = nodes.String(value, key); break;
                case "with":
                    var what = $"table '{name}'";
                    table.Options = table.Options with { With = StorageParameterReader.ForTable(StorageParameterReader.ReadEntries(value, what, nodes), what, nodes) };
                    break;
            }
        }
        if (table.Options.Virtual is not null)
        {
            // A virtual table's columns come from its module's arguments; the model names no others.
            foreach (var (key, keyAt) in keys)
                if (key is not ("virtual" or "renamed_from"))
                    nodes.Error(keyAt, $"table '{name}' is virtual: its columns come from `virtual:` ({table.Options.Virtual}); remove `{key}:`");
        }
        else if (!sawColumns) nodes.Error(keyNode, $"table '{name}' has no columns: add a `columns:` map");
        if (table.ClusterOn is { } clustered && !table.IndexNames().Contains(clustered))
            nodes.Error(clusterOn!, $"table '{name}': `cluster_on:` names no index of the table: {clustered} (its indexes: {string.Join(", ", table.IndexNames())})");
        if (table.PartitionsWhere is not null && table.PartitionBy is null)
            nodes.Errors.Add($"{table.PartitionsWhere}: table '{name}' has `partitions:` without `partition_by:`");
        return table;
    }

    private static void ReadColumn(TableDraft table, string name, YamlValue node, YamlValue keyNode, YamlNodes nodes)
    {
        var what = $"column '{table.Name}.{name}'";
        if (nodes.Map(node, what) is not { } map) return;
        map = FlowMapTypeSplit.Rejoin(map, what, nodes);
        var column = new ColumnDraft(name, nodes.Where(keyNode));
        YamlValue? typeNode = null, defaultNode = null;
        foreach (var (key, value, k) in nodes.Entries(map, what, ColumnKeys))
        {
            switch (key)
            {
                case "type" or "declared_type":
                    if (column.Type is not null) nodes.Error(k, $"{what} has both `type` and `declared_type`: keep one");
                    column.Type = nodes.String(value, key) ?? ""; // "" after a reported error: no second "has no type"
                    column.DeclaredType = key == "declared_type";
                    typeNode = value;
                    break;
                case "nullable": column.Nullable = nodes.Bool(value, "nullable") ?? false; break;
                case "default": column.Default = ReadDefault(value); column.DefaultWhere = nodes.Where(k); defaultNode = value; break;
                case "default_sql":
                    if (nodes.Sql(value, $"default_sql of {what}") is { } sql) column.DefaultSql = ColumnDefault.Sql(sql);
                    column.DefaultSqlWhere = nodes.Where(k);
                    break;
                case "primary_key": column.PrimaryKey = nodes.Bool(value, "primary_key") ?? false; break;
                case "auto_increment": (column.AutoIncrement, column.Numbering) = NumberingReader.Read(value, what, nodes); break;
                case "unique": column.Unique = nodes.Bool(value, "unique") ?? false; break;
                case "index": column.Index = nodes.Bool(value, "index") ?? false; break;
                case "references": column.References = nodes.String(value, "references"); column.ReferencesWhere = nodes.Where(value); break;
                case "on_delete": column.OnDelete = ReadAction(value, nodes); break;
                case "on_update": column.OnUpdate = ReadAction(value, nodes); break;
                case "renamed_from": column.RenamedFrom = nodes.String(value, "renamed_from"); break;
                case "comment": column.Comment = nodes.String(value, "comment"); break;
                case "collation": column.Collation = nodes.String(value, "collation"); break;
                case "generated": column.Generated = ReadGenerated(value, what, nodes); break;
                case "check": column.Check = nodes.Sql(value, $"check of {what}"); break;
                case "statistics": column.Statistics = ReadStatistics(value, what, nodes); break;
            }
        }
        if (column.Type is null) nodes.Error(keyNode, $"{what} has no type: add `type:` (e.g. int, varchar(64), text)");
        else ColumnTypeRules.Check(column, table.Name, typeNode!, defaultNode, nodes);
        if (column.Default is not null && column.DefaultSql is not null)
            nodes.Error(keyNode, $"{what} has both `default` and `default_sql`: keep one");
        if ((column.OnDelete is not null || column.OnUpdate is not null) && column.References is null)
            nodes.Error(keyNode, $"{what} has on_delete/on_update without `references`");
        table.Columns.Add(column);
    }

    /// <summary>A statistics target: 0 to 10000, as PostgreSQL takes it.</summary>
    private static int? ReadStatistics(YamlValue value, string what, YamlNodes nodes)
    {
        if (value is YamlScalar scalar && int.TryParse(scalar.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var target) && target <= 10000)
            return target;
        nodes.Error(value, $"statistics of {what} must be a whole number from 0 to 10000");
        return null;
    }

    internal static ReferentialAction? ReadAction(YamlValue value, YamlNodes nodes)
    {
        if (nodes.String(value, "referential action") is not { } text) return null;
        var action = ReferentialActions.Parse(text);
        if (action is null)
            nodes.Error(value, $"unknown referential action '{text}'; expected cascade, restrict, set null, set default or no action");
        return action;
    }

    internal static ColumnDefault? ReadDefault(YamlValue value)
    {
        if (value is not YamlScalar scalar || YamlNodes.IsNull(value)) return null;
        var text = scalar.Value;
        if (!scalar.Plain) return ColumnDefault.String(text);
        if (text is "true" or "True" or "TRUE") return ColumnDefault.Boolean(true);
        if (text is "false" or "False" or "FALSE") return ColumnDefault.Boolean(false);
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && !text.StartsWith('.') && !text.EndsWith('.'))
            return ColumnDefault.Number(text.TrimStart('+'));
        return ColumnDefault.String(text);
    }

    private static GeneratedColumn? ReadGenerated(YamlValue value, string what, YamlNodes nodes)
    {
        if (nodes.Map(value, $"generated of {what}") is not { } map) return null;
        string? expression = null;
        var stored = false;
        foreach (var (key, v, _) in nodes.Entries(map, $"generated of {what}", ["expression", "stored"]))
        {
            if (key == "expression") expression = nodes.Sql(v, $"generated expression of {what}");
            else stored = nodes.Bool(v, "stored") ?? false;
        }
        if (expression is null) nodes.Error(value, $"generated of {what} needs `expression:`");
        return expression is null ? null : new GeneratedColumn(expression, stored);
    }

    internal static List<string> ReadNameList(YamlValue value, string what, YamlNodes nodes)
    {
        if (value is YamlScalar) return nodes.String(value, what) is { } one ? [one] : [];
        if (nodes.List(value, what) is not { } list) return [];
        return list.Items.Select(c => nodes.String(c, what)).OfType<string>().ToList();
    }
}
