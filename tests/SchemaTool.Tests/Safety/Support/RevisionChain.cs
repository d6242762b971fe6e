using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Revisions;

namespace SchemaTool.Tests.Safety.Support;

/// <summary>
/// A line of revisions written by `plan` itself from a sequence of models, so each dialect gets its own SQL
/// (SQLite table rebuilds included), and the schema each prefix of the line makes, read back from a scratch database.
/// </summary>
public sealed class RevisionChain
{
    private static readonly string[] Models =
    [
        """
        tables:
          users:
            columns:
              id:   { type: bigint, primary_key: true, auto_increment: true }
              name: { type: varchar(64), index: true }
        """,
        """
        tables:
          users:
            columns:
              id:    { type: bigint, primary_key: true, auto_increment: true }
              name:  { type: varchar(64), index: true }
              email: { type: varchar(255), nullable: true, unique: true }
          posts:
            columns:
              id:      { type: bigint, primary_key: true, auto_increment: true }
              user_id: { type: bigint, references: users.id, on_delete: cascade }
              body:    { type: text, default: "" }
        """,
        """
        tables:
          users:
            columns:
              id:    { type: bigint, primary_key: true, auto_increment: true }
              name:  { type: varchar(128), index: true }
              email: { type: varchar(255), nullable: true, unique: true }
          posts:
            columns:
              id:      { type: bigint, primary_key: true, auto_increment: true }
              user_id: { type: bigint, references: users.id, on_delete: cascade }
              body:    { type: text, default: "" }
              title:   { type: varchar(200), nullable: true }
            indexes:
              ix_posts_user_title: { columns: [user_id, title] }
        """,
        """
        tables:
          users:
            columns:
              id:    { type: bigint, primary_key: true, auto_increment: true }
              name:  { type: varchar(128), index: true }
              email: { type: varchar(255), nullable: true, unique: true }
          posts:
            columns:
              id:       { type: bigint, primary_key: true, auto_increment: true }
              user_id:  { type: bigint, references: users.id, on_delete: cascade }
              body:     { type: text, default: "" }
              headline: { type: varchar(200), nullable: true, renamed_from: title }
            indexes:
              ix_posts_user_title: { columns: [user_id, headline] }
          tags:
            columns:
              id:   { type: int, primary_key: true, auto_increment: true }
              name: { type: varchar(32), unique: true }
        """,
        """
        tables:
          users:
            columns:
              id:    { type: bigint, primary_key: true, auto_increment: true }
              name:  { type: varchar(128), index: true }
              email: { type: varchar(255), nullable: true, unique: true }
          posts:
            columns:
              id:       { type: bigint, primary_key: true, auto_increment: true }
              user_id:  { type: bigint, references: users.id, on_delete: cascade }
              body:     { type: text, default: "" }
              headline: { type: varchar(200), nullable: true }
            indexes:
              ix_posts_user_title: { columns: [user_id, headline] }
          post_tags:
            columns:
              post_id: { type: bigint, references: posts.id }
              tag_id:  { type: int, references: tags.id }
            primary_key: [post_id, tag_id]
          tags:
            columns:
              id:   { type: int, primary_key: true, auto_increment: true }
              name: { type: varchar(32), unique: true }
        """,
    ];

    /// <summary>Revision ids in order; <see cref="SchemaAfter"/>[k] is the schema with the first k applied.</summary>
    public IReadOnlyList<string> Ids { get; }

    public IReadOnlyList<Schema> SchemaAfter { get; }

    /// <summary>
    /// For dialects whose DDL is not transactional (MySQL), or whose line has revisions that run in parts: [n][j] is the
    /// schema with the first n revisions applied and then the first j statements of revision n+1, so a half-applied
    /// revision can be checked. Empty otherwise.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Schema>> SchemaWithin { get; private set; } = [];

    private RevisionChain(IReadOnlyList<string> ids, IReadOnlyList<Schema> schemas)
    {
        Ids = ids;
        SchemaAfter = schemas;
    }

    /// <summary>
    /// Fills <see cref="SchemaWithin"/> by running the line's up files one statement at a time (split as the tool
    /// splits them) on <paramref name="scratchDatabase"/>, an empty database, reading the schema after each.
    /// </summary>
    public async Task PlanStatementsAsync(ScratchProject project, string scratchDatabase)
    {
        var revisions = RevisionFolder.Load(project.Migrations).TopologicalOrder().ToList();
        await using var session = await project.ConnectAsync(scratchDatabase);
        var within = new List<IReadOnlyList<Schema>>();
        foreach (var revision in revisions)
        {
            var schemas = new List<Schema> { await session.IntrospectAsync(CancellationToken.None) };
            foreach (var statement in session.Dialect.SplitStatements(revision.UpSql))
            {
                await using (var command = session.CreateCommand(statement))
                    await command.ExecuteNonQueryAsync();
                schemas.Add(await session.IntrospectAsync(CancellationToken.None));
            }
            within.Add(schemas);
        }
        SchemaWithin = within;
    }

    /// <summary>
    /// The revisions of the line that run in parts where DDL is transactional: those with a statement that runs outside
    /// the revision's transaction or in one of its own (the online forms: CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT).
    /// A kill may leave such a revision half-applied, as any revision on MySQL.
    /// </summary>
    public static IReadOnlySet<string> RunInParts(ScratchProject project, Dialects.IDialect dialect) =>
        RevisionFolder.Load(project.Migrations).TopologicalOrder()
            .Where(r => dialect.Classify(dialect.SplitStatements(r.UpSql)).Any(s => !s.RunsInTransaction || s.Traits.OwnTransaction))
            .Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>Plans and applies each model in turn on <paramref name="scratchDatabase"/>, in the project's folder.</summary>
    public static async Task<RevisionChain> PlanAsync(ScratchProject project, string scratchDatabase)
    {
        var schemas = new List<Schema> { await project.IntrospectAsync(scratchDatabase) };
        for (var i = 0; i < Models.Length; i++)
        {
            File.WriteAllText(Path.Combine(project.Dir, "schema", "tables.yaml"), Models[i] + "\n");
            project.Ok("plan", "-m", $"step {i + 1}", "--database", scratchDatabase);
            project.Ok("apply", "--database", scratchDatabase);
            schemas.Add(await project.IntrospectAsync(scratchDatabase));
        }
        var ids = RevisionFolder.Load(project.Migrations).TopologicalOrder().Select(r => r.Id).ToList();
        return new RevisionChain(ids, schemas);
    }

    /// <summary>How many revisions of the line <paramref name="applied"/> is, or -1 when it is not a prefix of the line.</summary>
    public int PrefixLength(IReadOnlyCollection<string> applied)
    {
        var k = applied.Count;
        return k <= Ids.Count && Ids.Take(k).Order(StringComparer.Ordinal).SequenceEqual(applied.Order(StringComparer.Ordinal)) ? k : -1;
    }

    /// <summary>The changes that would take <paramref name="actual"/> to the schema after k revisions; none when they match.</summary>
    public IReadOnlyList<string> Differences(Dialects.IDialect dialect, Schema actual, int k) => Differences(dialect, actual, SchemaAfter[k]);

    public static IReadOnlyList<string> Differences(Dialects.IDialect dialect, Schema actual, Schema expected) =>
        Planner.Create(dialect, actual, expected).Operations.Select(o => o.Describe()).ToList();
}
