using System.Globalization;
using System.Text.RegularExpressions;
using SchemaTool.Yaml;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Project;

public static partial class ConfigLoader
{
    private static readonly string[] Keys =
    [
        "database", "dialect", "schema", "migrations", "history_table", "lock_timeout",
        "targets", "targets_file", "targets_glob", "targets_pattern", "reference_target",
        "online", "ddl_lock_timeout", "ddl_lock_retries",
    ];

    public static ProjectConfig Load(string projectDirectory, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var path = Path.Combine(projectDirectory, ProjectConfig.FileName);
        if (!File.Exists(path))
            throw new InputException($"{path}: no {ProjectConfig.FileName} here; run `schematool init` or pass --project DIR");
        var file = RevisionsDisplay(path);
        var nodes = new YamlNodes(file);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        TargetsPattern? pattern = null;

        YamlValue? root;
        try
        {
            root = YamlDocument.Read(File.ReadAllText(path));
        }
        catch (YamlSyntaxException e)
        {
            throw new ModelException([$"{file}:{e.Line}:{e.Column}: {e.Message}"]);
        }

        if (root is not null && !YamlNodes.IsNull(root) && nodes.Map(root, ProjectConfig.FileName) is { } map)
        {
            foreach (var (key, value, _) in nodes.Entries(map, ProjectConfig.FileName, Keys))
            {
                switch (key)
                {
                    case "targets":
                        if (nodes.Map(value, "targets") is { } t)
                            foreach (var (name, url, _) in nodes.Entries(t, "targets", []))
                                if (nodes.String(url, $"target '{name}'") is { } u) targets[name] = Interpolate(u, url, nodes, environment);
                        break;
                    case "targets_pattern":
                        if (nodes.Map(value, "targets_pattern") is { } p)
                        {
                            string? server = null, like = null;
                            foreach (var (k, v, _) in nodes.Entries(p, "targets_pattern", ["server", "database_like"]))
                            {
                                var s = nodes.String(v, k) is { } raw ? Interpolate(raw, v, nodes, environment) : null;
                                if (k == "server") server = s; else like = s;
                            }
                            if (server is null || like is null) nodes.Error(value, "targets_pattern needs `server:` and `database_like:`");
                            else pattern = new TargetsPattern(server, like);
                        }
                        break;
                    default:
                        if (nodes.String(value, key) is { } text) values[key] = Interpolate(text, value, nodes, environment);
                        break;
                }
            }
        }

        var timeout = TimeSpan.FromSeconds(60);
        if (values.TryGetValue("lock_timeout", out var lt))
        {
            if (int.TryParse(lt, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0) timeout = TimeSpan.FromSeconds(seconds);
            else nodes.Errors.Add($"{file}: lock_timeout must be a whole number of seconds, not '{lt}'");
        }
        var online = true;
        if (values.TryGetValue("online", out var on))
        {
            if (on is "true" or "True" or "TRUE" or "false" or "False" or "FALSE") online = on.Equals("true", StringComparison.OrdinalIgnoreCase);
            else nodes.Errors.Add($"{file}: online must be true or false, not '{PrintableText.Escape(on)}'");
        }
        var lockWait = Apply.LockWait.Default;
        if (values.TryGetValue("ddl_lock_timeout", out var dlt))
        {
            if (double.TryParse(dlt, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= 86_400)
                lockWait = lockWait with { Timeout = TimeSpan.FromSeconds(seconds) };
            else nodes.Errors.Add($"{file}: ddl_lock_timeout must be a number of seconds (0.5, 2; 0 waits without limit), not '{PrintableText.Escape(dlt)}'");
        }
        if (values.TryGetValue("ddl_lock_retries", out var dlr))
        {
            if (int.TryParse(dlr, NumberStyles.Integer, CultureInfo.InvariantCulture, out var retries) && retries is >= 0 and <= 100)
                lockWait = lockWait with { Retries = retries };
            else nodes.Errors.Add($"{file}: ddl_lock_retries must be a whole number from 0 to 100, not '{PrintableText.Escape(dlr)}'");
        }
        if (values.TryGetValue("dialect", out var d) && !Dialects.DialectRegistry.Names.Contains(d, StringComparer.OrdinalIgnoreCase))
            nodes.Errors.Add($"{file}: dialect must be one of {string.Join(", ", Dialects.DialectRegistry.Names)}, not '{d}'");
        if (values.TryGetValue("history_table", out var history) && (history.Length == 0 || PrintableText.NeedsEscaping(history)))
            nodes.Errors.Add($"{file}: history_table must be a plain table name, not '{PrintableText.Escape(history)}'");
        if (nodes.Errors.Count > 0) throw new ModelException(nodes.Errors);

        string Abs(string p) => Path.GetFullPath(Path.Combine(projectDirectory, p));
        return new ProjectConfig(
            Path.GetFullPath(projectDirectory),
            values.GetValueOrDefault("database"),
            values.GetValueOrDefault("dialect"),
            Abs(values.GetValueOrDefault("schema", "schema")),
            Abs(values.GetValueOrDefault("migrations", "migrations")),
            values.GetValueOrDefault("history_table", Apply.HistoryTable.DefaultName),
            timeout,
            targets,
            values.TryGetValue("targets_file", out var tf) ? Abs(tf) : null,
            values.GetValueOrDefault("targets_glob"),
            pattern,
            values.GetValueOrDefault("reference_target"))
        {
            Online = online,
            LockWait = lockWait,
        };
    }

    /// <summary>The settings of a schematool.yaml that sets nothing, for a database read without a project.</summary>
    public static ProjectConfig Defaults(string projectDirectory) => new(
        Path.GetFullPath(projectDirectory), null, null,
        Path.GetFullPath(Path.Combine(projectDirectory, "schema")), Path.GetFullPath(Path.Combine(projectDirectory, "migrations")),
        Apply.HistoryTable.DefaultName, TimeSpan.FromSeconds(60), new Dictionary<string, string>(), null, null, null, null);

    /// <summary>Replaces ${NAME} with the environment variable NAME; an unset one is an error naming it.</summary>
    public static string Interpolate(string text, Func<string, string?> environment, Action<string> onMissing) =>
        Variable().Replace(text, m =>
        {
            var value = environment(m.Groups[1].Value);
            if (value is null) onMissing(m.Groups[1].Value);
            return value ?? "";
        });

    private static string Interpolate(string text, YamlValue node, YamlNodes nodes, Func<string, string?> environment) =>
        Interpolate(text, environment, name => nodes.Error(node, $"environment variable {name} is not set (used as ${{{name}}})"));

    private static string RevisionsDisplay(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Variable();
}
