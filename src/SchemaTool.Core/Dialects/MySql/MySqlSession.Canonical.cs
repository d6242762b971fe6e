using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

public sealed partial class MySqlSession
{
    /// <summary>
    /// MySQL models no object that needs the server's canonical form yet: Validate refuses them at plan, and the
    /// introspector names them and leaves them alone. The next step creates the model's views, triggers, routines
    /// and events in a scratch database and reads information_schema back (docs/schema-objects.md).
    /// </summary>
    public Task<Schema> CanonicalizeAsync(Schema model, CancellationToken cancellationToken) =>
        model.ObjectCounts().Any()
            ? throw new NotSupportedException("the MySQL dialect does not model views, triggers, routines or events yet")
            : Task.FromResult(model);
}
