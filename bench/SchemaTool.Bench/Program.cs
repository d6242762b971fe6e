using SchemaTool.Bench;

// schematool-bench generate --tables N --seed S --changed PCT --out SCHEMA_FOLDER
// schematool-bench profile  --tables N[,N...] --seed S [--dialect sqlite] [--db FILE] [--runs R]
// schematool-bench alembic  --tables N --seed S --out models.py
// schematool-bench introspect --url sqlite:/path/app.db [--runs 3]
// schematool-bench ddl      --tables N --seed S --dialect postgres|mysql   (CREATE statements, while schematool lacks the dialect)
// schematool-bench writer   --dialect postgres|mysql --connection CS --stop FILE [--interval-ms 5] [--rows N] [--trace FILE]
var command = args.FirstOrDefault() ?? "help";
var options = Options.Parse(args.Skip(1));
switch (command)
{
    case "generate":
        new Generator(options.Int("tables", 100), options.Int("seed", 42), options.Int("changed", 0)).WriteTo(options.Required("out"));
        return 0;
    case "profile":
        return Profiler.Run(options);
    case "alembic":
        AlembicModels.Write(new Generator(options.Int("tables", 100), options.Int("seed", 42), options.Int("changed", 0)), options.Required("out"));
        return 0;
    case "introspect":
        return await IntrospectionProfile.RunAsync(options);
    case "report":
        return Report.Write(options);
    case "ddl":
        Console.Out.Write(FallbackDdl.Generate(new Generator(options.Int("tables", 100), options.Int("seed", 42), options.Int("changed", 0)), options.Required("dialect")));
        return 0;
    case "writer":
        return await OnlineWriter.RunAsync(options);
    default:
        Console.Error.WriteLine("usage: schematool-bench generate|profile|alembic --tables N --seed S [--changed PCT] [--out PATH]");
        return 2;
}

internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>();
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--")) { key = arg[2..]; values[key] = "true"; }
            else if (key is not null) { values[key] = arg; key = null; }
        }
        return new Options(values);
    }

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v) : fallback;
    public string? String(string name) => values.GetValueOrDefault(name);
    public string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
}
