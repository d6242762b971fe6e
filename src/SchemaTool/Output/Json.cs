using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchemaTool.Cli.Output;

/// <summary>
/// The `--json` output: one indented object per command on stdout, keys in snake_case, times in UTC ISO 8601
/// (2026-11-24T12:00:00Z), null values written (a key is always present). The shapes are in README.md.
/// </summary>
public static class Json
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Write<T>(ConsoleOutput console, T value)
    {
        console.Out.Write(JsonSerializer.Serialize(value, Options).ReplaceLineEndings("\n"));
        console.Out.Write('\n');
    }

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
