using SchemaTool.Dialects.Postgres;

namespace SchemaTool.Tests.Postgres.Storage;

/// <summary>
/// The lock a storage parameter change takes, read from its text as the PostgreSQL manual gives it per parameter:
/// an index's fillfactor and deduplicate_items and a table's autovacuum settings only steer later writes and take
/// SHARE UPDATE EXCLUSIVE, which writers pass; gin's, gist's buffering, brin's, and user_catalog_table, ACCESS EXCLUSIVE
/// (as pg_locks shows them on PostgreSQL 15).
/// </summary>
public sealed class StorageStatementLockTests
{
    [Theory]
    [InlineData("ALTER INDEX \"ix_t\" SET (fillfactor = 80, deduplicate_items = false)", "SHARE UPDATE EXCLUSIVE", false)]
    [InlineData("ALTER INDEX \"ix_t\" RESET (fillfactor)", "SHARE UPDATE EXCLUSIVE", false)]
    [InlineData("ALTER INDEX \"ix_t\" SET (fastupdate = off)", "ACCESS EXCLUSIVE", true)]
    [InlineData("ALTER INDEX \"ix_t\" SET (pages_per_range = 16)", "ACCESS EXCLUSIVE", true)]
    [InlineData("ALTER INDEX \"ix_t\" SET (autosummarize = true)", "ACCESS EXCLUSIVE", true)]
    [InlineData("ALTER INDEX \"ix_t\" SET (fillfactor = 80, fastupdate = off)", "ACCESS EXCLUSIVE", true)]
    [InlineData("ALTER TABLE \"t\" SET (fillfactor = 70, autovacuum_enabled = false)", "SHARE UPDATE EXCLUSIVE", false)]
    [InlineData("ALTER TABLE \"t\" RESET (fillfactor)", "SHARE UPDATE EXCLUSIVE", false)]
    [InlineData("ALTER TABLE \"t\" SET (user_catalog_table = true)", "ACCESS EXCLUSIVE", true)]
    [InlineData("ALTER TABLE \"t\" SET UNLOGGED, SET (fillfactor = 70)", "ACCESS EXCLUSIVE", true)]
    public void A_storage_change_says_its_lock(string sql, string lockMode, bool blocksWrites)
    {
        var traits = Assert.Single(new PostgresDialect().Classify([sql])).Traits;
        Assert.Equal(lockMode, traits.Lock);
        Assert.Equal(blocksWrites, traits.BlocksWrites);
    }
}
