using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

public sealed partial class PostgresSession
{
    /// <summary>
    /// PostgreSQL models no object that needs the server's canonical form yet: Validate refuses them at plan, and
    /// the introspector names them and leaves them alone. The next step creates the model's views, routines and
    /// triggers in a scratch schema inside a transaction that is rolled back, and reads pg_get_viewdef,
    /// pg_get_functiondef, pg_get_triggerdef and pg_depend there (docs/schema-objects.md).
    /// </summary>
    public Task<Schema> CanonicalizeAsync(Schema model, CancellationToken cancellationToken) =>
        model.ObjectCounts().Any(c => !PostgresDialect.ModelsType(c.Kind))
            ? throw new NotSupportedException("the PostgreSQL dialect does not model views, triggers, routines, types or sequences yet")
            : Task.FromResult(model);
}
