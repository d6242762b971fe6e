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
        return new Workspace(config, dialect, connection);
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
        var model = ModelLoader.LoadPath(Config.SchemaPath);
        ModelLoadedUtc = DateTime.UtcNow;
        return model;
    }

    /// <summary>When the model was loaded and when <see cref="ReadWithModelAsync{T}"/>'s read ended (UTC), for statistics.</summary>
    public DateTime? ModelLoadedUtc { get; private set; }

    public DateTime? DatabaseReadUtc { get; private set; }

    /// <summary>
    /// Connects and runs <paramref name="read"/> while the model loads on another core, where reading changes
    /// nothing (<see cref="IDialect.OpensWithoutSideEffects"/>); else loads the model first. Either way an invalid
    /// model is the error reported, as if it had been loaded first, and no session is left open by a failure.
    /// </summary>
    public async Task<ModelAndDatabase<T>> ReadWithModelAsync<T>(Func<IDatabaseSession, Task<T>> read, CancellationToken ct)
    {
        var model = Dialect.OpensWithoutSideEffects(Target) ? Task.Run(LoadModel, ct) : Task.FromResult(LoadModel());
        IDatabaseSession? session = null;
        try
        {
            session = await ConnectAsync(ct);
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

    public async Task<IDatabaseSession> ConnectAsync(CancellationToken ct)
    {
        var session = await Dialect.OpenAsync(Target, ct);
        FirstConnectedUtc ??= DateTime.UtcNow;
        _sessions.Add(session);
        return session;
    }

    public Migrator CreateMigrator(IDatabaseSession session, RevisionGraph graph, MigratorOptions options) =>
        new(session, graph, options, Config.HistoryTable);
}

/// <summary>The model and what was read from the database beside it; disposing closes the session.</summary>
public sealed record ModelAndDatabase<T>(Schema Model, IDatabaseSession Session, T Read) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Session.DisposeAsync();
}
