using SchemaTool.Apply;
using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Revisions;
using SchemaTool.Yaml;

namespace SchemaTool.Project;

/// <summary>A project opened for one command: its config, the database it targets, its model and revisions.</summary>
public sealed class Workspace
{
    public ProjectConfig Config { get; }
    public IDialect Dialect { get; }
    public ConnectionTarget Target { get; }

    /// <summary>Where the database's URL came from, for a connection error to say where to change it.</summary>
    public string DatabaseSource { get; private init; } = "--database";

    private Workspace(ProjectConfig config, IDialect dialect, ConnectionTarget target)
    {
        Config = config;
        Dialect = dialect;
        Target = target;
    }

    /// <summary>Opens the project; the database is --database, else SCHEMATOOL_DATABASE, else `database:`.</summary>
    public static Workspace Open(string projectDirectory, string? databaseOverride = null, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var config = ConfigLoader.Load(projectDirectory, environment);
        var url = databaseOverride ?? NonEmpty(environment("SCHEMATOOL_DATABASE")) ?? config.Database;
        if (url is null && config.ReferenceTarget is { } reference)
        {
            // A fleet plans against its reference target: one database stands for all.
            var target = FleetResolver.FindAsync(config, reference, CancellationToken.None).GetAwaiter().GetResult();
            return ForUrl(config, target.Url).ForTarget(target);
        }
        if (url is null)
            throw new InputException(FleetResolver.HasFleet(config)
                ? $"{ProjectConfig.FileName} names a fleet but no single database: pass --all, --target NAME, or set `reference_target:` for plan"
                : $"{ProjectConfig.FileName} names no database: add `database:` (e.g. sqlite:app.db), or pass --database URL");
        var (dialect, connection) = DialectRegistry.Resolve(url, config.Dialect, config.ProjectDirectory);
        return new Workspace(config, dialect, connection)
        {
            DatabaseSource = databaseOverride is not null ? "--database"
                : NonEmpty(environment("SCHEMATOOL_DATABASE")) is not null ? "SCHEMATOOL_DATABASE" : $"`database:` in {ProjectConfig.FileName}",
        };
    }

    /// <summary>
    /// The project in <paramref name="projectDirectory"/>; where there is none and <paramref name="database"/> is
    /// given, that database alone with the default settings. `inspect --database URL` is the first step of adopting
    /// a database, before there is a project (a relative SQLite path is then relative to the folder).
    /// </summary>
    public static Workspace OpenOrDatabaseOnly(string projectDirectory, string? database)
    {
        if (File.Exists(Path.Combine(projectDirectory, ProjectConfig.FileName))) return Open(projectDirectory, database);
        if (database is null)
            throw new InputException(
                $"{Path.Combine(projectDirectory, ProjectConfig.FileName)}: no {ProjectConfig.FileName} here; pass --database URL to read a database " +
                "without a project, or --project DIR");
        return ForUrl(ConfigLoader.Defaults(projectDirectory), database);
    }

    /// <summary>The same project pointed at one target of its fleet.</summary>
    public Workspace ForTarget(FleetTarget target)
    {
        var (dialect, connection) = DialectRegistry.Resolve(target.Url, Config.Dialect, Config.ProjectDirectory);
        return new Workspace(Config, dialect, connection with { Display = target.Name });
    }

    /// <summary>Opens a project without choosing its database yet (fleet commands pick targets afterwards).</summary>
    public static ProjectConfig LoadConfig(string projectDirectory) => ConfigLoader.Load(projectDirectory);

    public static Workspace ForUrl(ProjectConfig config, string url)
    {
        var (dialect, target) = DialectRegistry.Resolve(url, config.Dialect, config.ProjectDirectory);
        return new Workspace(config, dialect, target);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public Schema LoadModel()
    {
        var model = ModelLoader.LoadPath(Config.SchemaPath, Dialect.Lexer);
        ModelLoadedUtc = DateTime.UtcNow;
        return model;
    }

    /// <summary>When the model was loaded and when <see cref="ReadWithModelAsync{T}"/>'s read ended (UTC), for statistics.</summary>
    public DateTime? ModelLoadedUtc { get; private set; }

    public DateTime? DatabaseReadUtc { get; private set; }

    /// <summary>
    /// Opens the database for reading and runs <paramref name="read"/> while the model loads on another core.
    /// Nothing is created: a database that does not exist yet (a SQLite file before the first apply) is read as
    /// an empty one with <see cref="MissingDatabase.ReadAsEmpty"/> (plan), else refused. Either way an invalid
    /// model is the error reported, as if it had been loaded first, and no session is left open by a failure.
    /// </summary>
    public async Task<ModelAndDatabase<T>> ReadWithModelAsync<T>(Func<IDatabaseSession, Task<T>> read, CancellationToken ct,
        MissingDatabase missing = MissingDatabase.ReadAsEmpty)
    {
        var model = Task.Run(LoadModel, ct);
        IDatabaseSession? session = null;
        try
        {
            session = missing == MissingDatabase.ReadAsEmpty && !DatabaseExists
                ? Track(await Dialect.OpenEmptyAsync(ct))
                : await ConnectExistingAsync(ct);
            var result = await read(session);
            DatabaseReadUtc = DateTime.UtcNow;
            if (!model.IsCompleted) CollectReadingGarbage(); // the catalog's, before the model's piles on top of it
            var loaded = await model;
            CollectReadingGarbage();
            return new ModelAndDatabase<T>(loaded, session, result);
        }
        catch
        {
            if (session is not null) await session.DisposeAsync();
            await model; // an invalid model throws here, in place of the database's error
            throw;
        }
    }

    /// <summary>
    /// Reading the YAML and the catalog allocates several times what it keeps (10,000 tables: ~430 MB for ~60 MB
    /// live), and the gen0 budget the runtime sizes from the CPU's cache lets that garbage pile up uncollected. A
    /// full collection where a reading has ended (the catalog's while the model still loads, then both) lets what
    /// comes next reuse that memory instead of growing the process: 10,000 tables, MariaDB peak 323-348 → 267 MB,
    /// for 160-190 ms each. Only once the process has allocated <see cref="CollectAfterAllocating"/>: at 1,000
    /// tables (~45 MB in all) the garbage cannot matter and a collection would cost ~30 ms of a 420 ms plan. The heap's
    /// current size is no guide: right after a gen0 collection it is the live data alone, under 64 MB at 10,000 tables.
    /// </summary>
    private static void CollectReadingGarbage()
    {
        if (GC.GetTotalAllocatedBytes() > CollectAfterAllocating) GC.Collect();
    }

    private const long CollectAfterAllocating = 192L << 20;

    public RevisionGraph LoadRevisions() => RevisionFolder.Load(Config.MigrationsPath);

    /// <summary>The database's schema without the project's history table, whatever `history_table:` names it.</summary>
    public Task<Schema> IntrospectAsync(IDatabaseSession session, CancellationToken ct) =>
        session.IntrospectAsync(Config.HistoryTable, ct);

    private readonly List<IDatabaseSession> _sessions = [];

    /// <summary>The sessions this workspace opened, for statistics (SCHEMATOOL_STATS) after the command ends.</summary>
    public IReadOnlyList<IDatabaseSession> Sessions => _sessions;

    /// <summary>When the first connection was open (UTC); null until then.</summary>
    public DateTime? FirstConnectedUtc { get; private set; }

    /// <summary>Whether the database is there; false only for a file database not created yet (SQLite before the first apply).</summary>
    public bool DatabaseExists => Dialect.Exists(Target);

    /// <summary>Connects, creating a file database that does not exist yet: for the commands that write (apply, rollback, stamp).</summary>
    public async Task<IDatabaseSession> ConnectAsync(CancellationToken ct) => Track(await WithSourceAsync(Dialect.OpenAsync(Target, ct)));

    /// <summary>Connects to a database that exists, creating nothing: for the commands that only read (a missing SQLite file is an error naming it).</summary>
    public async Task<IDatabaseSession> ConnectExistingAsync(CancellationToken ct) => Track(await WithSourceAsync(Dialect.OpenExistingAsync(Target, ct)));

    /// <summary>A connection that fails says where its URL came from and how to give another.</summary>
    private async Task<IDatabaseSession> WithSourceAsync(Task<IDatabaseSession> opening)
    {
        try
        {
            return await opening;
        }
        catch (ConnectionException e)
        {
            throw new ConnectionException(
                $"{e.Message}\nhint: the database comes from {DatabaseSource}; start its server, or name another with --database URL, " +
                $"SCHEMATOOL_DATABASE or `database:` in {ProjectConfig.FileName}", e.InnerException);
        }
    }

    private IDatabaseSession Track(IDatabaseSession session)
    {
        FirstConnectedUtc ??= DateTime.UtcNow;
        _sessions.Add(session);
        return session;
    }

    public Migrator CreateMigrator(IDatabaseSession session, RevisionGraph graph, MigratorOptions options) =>
        new(session, graph, options, Config.HistoryTable);
}

/// <summary>How a command that only reads treats a database that does not exist yet (a SQLite file before the first apply).</summary>
public enum MissingDatabase
{
    /// <summary>An error naming it: status, check, history, diff, inspect and the dry runs report on a database.</summary>
    Refuse,

    /// <summary>Read as an empty database, created nowhere: plan writes the revisions that will create it.</summary>
    ReadAsEmpty,
}

/// <summary>The model and what was read from the database beside it; disposing closes the session.</summary>
public sealed record ModelAndDatabase<T>(Schema Model, IDatabaseSession Session, T Read) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Session.DisposeAsync();
}
