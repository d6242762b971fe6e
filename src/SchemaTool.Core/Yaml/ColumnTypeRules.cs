using System.Globalization;
using SchemaTool.Model;

namespace SchemaTool.Yaml;

/// <summary>
/// What holds for a column's type and default on every database, checked as the model loads: the type has the
/// shape of a type (<see cref="TypeName"/>), the portable types' modifiers are in range, and a literal default
/// can be a value of the type. Whether the database knows the type is checked at plan, against the database.
/// </summary>
internal static class ColumnTypeRules
{
    private static readonly HashSet<string> Numeric = new(StringComparer.Ordinal)
    {
        "smallint", "int", "integer", "bigint", "tinyint", "mediumint", "int2", "int4", "int8",
        "decimal", "numeric", "dec", "fixed", "real", "double", "double precision", "float", "float4", "float8",
        "serial", "bigserial", "smallserial",
    };

    private const long LongestText = 10_485_760; // PostgreSQL's limit for varchar(n) and char(n), the highest of the three

    /// <summary>Checks the type at <paramref name="typeNode"/>, then the default against it.</summary>
    public static void Check(ColumnDraft column, string table, Reading.YamlValue typeNode, Reading.YamlValue? defaultNode, YamlNodes nodes)
    {
        if (string.IsNullOrEmpty(column.Type)) return;
        var what = $"column '{table}.{column.Name}'";
        if (TypeName.Parse(column.Type, out var problem) is not { } type)
        {
            nodes.Error(typeNode, $"{what}: type '{PrintableText.Escape(column.Type)}' is not a type: {problem}{SplitHint(column.Type)}");
            return;
        }
        if (ModifierProblem(type) is { } modifiers)
        {
            nodes.Error(typeNode, $"{what}: type {column.Type}: {modifiers}");
            return;
        }
        if (defaultNode is not null && column.Default is { } value && DefaultProblem(type, value) is { } bad)
            nodes.Error(defaultNode, $"{what}: {bad}");
    }

    /// <summary>`{ type: decimal(10,2) }` unquoted in a flow map: YAML ends the value at the comma.</summary>
    private static string SplitHint(string type) =>
        type.Count(c => c == '(') > type.Count(c => c == ')')
            ? $"; inside {{ ... }} a comma ends the value, so quote the type: type: \"{type},...)\""
            : "";

    private static string? ModifierProblem(TypeName type)
    {
        if (type.ArrayDepth > 0 || type.Arguments is not { } args) return null;
        var numbers = type.Numbers;
        switch (type.Name)
        {
            case "varchar" or "character varying" or "char" or "character":
                if (numbers is not [var length])
                    return $"the length of {type.Name} is one whole number: {type.Name}(64)";
                return length is < 1 or > LongestText ? $"the length of {type.Name} is between 1 and {LongestText}, not {length}" : null;
            case "decimal" or "numeric" or "dec":
                if (numbers is null || args.Count > 2)
                    return $"{type.Name} takes a precision and a scale, whole numbers: {type.Name}(10,2)";
                var precision = numbers[0];
                var scale = numbers.Count > 1 ? numbers[1] : 0;
                if (precision is < 1 or > 1000) return $"the precision of {type.Name} is between 1 and 1000, not {precision}";
                if (scale < 0 || scale > precision) return $"the scale of {type.Name} is between 0 and its precision ({precision}), not {scale}";
                return null;
            case "time" or "timestamp" or "timestamptz":
                if (numbers is not [var digits]) return $"{type.Name} takes one whole number, the digits of its fractions of a second: {type.Name}(3)";
                return digits is < 0 or > 6 ? $"the fractional digits of {type.Name} are between 0 and 6, not {digits}" : null;
            case "float" or "real" or "double" or "smallint" or "int" or "integer" or "bigint":
                return numbers is null ? $"the modifiers of {type.Name} are whole numbers" : null;
            default:
                return null;
        }
    }

    private static string? DefaultProblem(TypeName type, ColumnDefault value)
    {
        if (type.ArrayDepth > 0 || value.Kind != DefaultKind.String) return null;
        if (Numeric.Contains(type.Name) && !decimal.TryParse(value.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            return $"default '{PrintableText.Escape(value.Text)}' is not a number, and the column is {type.Name}: " +
                   "write a number, or use `default_sql:` for an expression";
        if (type.Name is "boolean" or "bool" && value.Text.Trim() is not ("0" or "1"))
            return $"default '{PrintableText.Escape(value.Text)}' is not a boolean: write `default: true` or `default: false`, unquoted";
        return null;
    }
}
