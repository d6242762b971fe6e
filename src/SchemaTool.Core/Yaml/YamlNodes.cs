using System.Globalization;
using SchemaTool.Dialects.Lexing;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml;

/// <summary>Typed reads of YAML nodes that record errors with file:line:column instead of throwing.</summary>
/// <param name="sqlLexer">the target database's lexer, which holds each SQL field to one expression; null to read them unchecked</param>
internal sealed class YamlNodes(string file, SqlLexer? sqlLexer = null)
{
    public List<string> Errors { get; } = [];

    public string File => file;

    public string Where(YamlValue node) => $"{file}:{node.Line}:{node.Column}";

    public void Error(YamlValue node, string message) => Errors.Add($"{Where(node)}: {message}");

    public YamlMap? Map(YamlValue node, string what)
    {
        if (node is YamlMap map) return map;
        Error(node, $"{what} must be a map (key: value)");
        return null;
    }

    public YamlList? List(YamlValue node, string what)
    {
        if (node is YamlList list) return list;
        Error(node, $"{what} must be a list");
        return null;
    }

    public string? String(YamlValue node, string what)
    {
        if (node is YamlScalar scalar) return scalar.Value;
        Error(node, $"{what} must be a text value");
        return null;
    }

    /// <summary>A SQL field's text (a check, default_sql, an expression, a where), held to one expression by <c>sqlLexer</c>.</summary>
    public string? Sql(YamlValue node, string what) => Sql(node, what, SqlExpressionCheck.Find);

    /// <summary>A SQL field's text held by <paramref name="check"/> (e.g. to one statement, <see cref="SqlStatementCheck"/>).</summary>
    public string? Sql(YamlValue node, string what, Func<SqlLexer, string, SqlFieldProblem?> check)
    {
        if (String(node, what) is not { } text) return null;
        if (sqlLexer is not null && check(sqlLexer, text) is { } problem) Error(node, $"{what}: {problem.Message}");
        return text;
    }

    public bool? Bool(YamlValue node, string what)
    {
        if (node is YamlScalar { Plain: true, Value: var v })
        {
            if (v is "true" or "True" or "TRUE") return true;
            if (v is "false" or "False" or "FALSE") return false;
        }
        Error(node, $"{what} must be true or false");
        return null;
    }

    public int? Int(YamlValue node, string what)
    {
        if (node is YamlScalar { Plain: true, Value: var v }
            && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            return n;
        Error(node, $"{what} must be a whole number");
        return null;
    }

    /// <summary>Walks a map's entries, reporting keys that are not in <paramref name="allowed"/>.</summary>
    public IEnumerable<(string Key, YamlValue Value, YamlValue KeyNode)> Entries(YamlMap map, string what, IReadOnlyCollection<string> allowed)
    {
        foreach (var (keyNode, value) in map.Entries)
        {
            if (keyNode is not YamlScalar { Value: var key })
            {
                Error(keyNode, $"{what}: keys must be text");
                continue;
            }
            if (allowed.Count > 0 && !allowed.Contains(key))
            {
                var hint = Spelling.Nearest(key, allowed, limit: Math.Clamp(key.Length / 3, 1, 2)) is { } near ? $"did you mean {near}? " : "";
                Error(keyNode, $"unknown key '{key}' in {what}; {hint}expected one of: {string.Join(", ", allowed)}");
                continue;
            }
            yield return (key, value, keyNode);
        }
    }

    public static bool IsNull(YamlValue node) =>
        node is YamlScalar { Plain: true, Value: "null" or "~" or "Null" or "NULL" or "" };
}
