namespace SchemaTool.Dialects.MySql;

internal sealed partial class MySqlIntrospector
{
    // Each query reads one object kind for the whole database; the readers pick their table by name.

    // TABLE_ROWS (InnoDB's estimate) is for `plan` to tell a large table; read by name, wherever it stands.
    private const string TablesQuery = """
        SELECT TABLE_NAME, TABLE_TYPE, TABLE_COLLATION, TABLE_COMMENT, ENGINE, CREATE_OPTIONS, TABLE_ROWS
        FROM information_schema.TABLES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE IN ('BASE TABLE', 'SEQUENCE', 'SYSTEM VERSIONED')
        ORDER BY TABLE_NAME
        """;

    private const string ColumnsQuery = """
        SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.EXTRA,
               c.COLLATION_NAME, c.COLUMN_COMMENT, c.GENERATION_EXPRESSION
        FROM information_schema.COLUMNS c
        WHERE c.TABLE_SCHEMA = DATABASE()
        ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION
        """;

    private const string MariaDbIndexesQuery = """
        SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, COLLATION, INDEX_TYPE, INDEX_COMMENT, NULL
        FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = DATABASE()
        ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
        """;

    private const string MySqlIndexesQuery = """
        SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, COLLATION, INDEX_TYPE, INDEX_COMMENT, EXPRESSION
        FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = DATABASE()
        ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
        """;

    // Rules (kind 0) and key columns (kind 1) in one statement, without joining KEY_COLUMN_USAGE to
    // REFERENTIAL_CONSTRAINTS: MariaDB materializes both and joined them by nested loops, O(foreign keys²)
    // (65 s at 10,000 tables against 0.8 s for this).
    private const string ForeignKeysQuery = """
        SELECT 0, TABLE_NAME, CONSTRAINT_NAME, NULL, REFERENCED_TABLE_NAME, NULL, UPDATE_RULE, DELETE_RULE, 0
        FROM information_schema.REFERENTIAL_CONSTRAINTS
        WHERE CONSTRAINT_SCHEMA = DATABASE()
        UNION ALL
        SELECT 1, TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME, NULL, NULL, ORDINAL_POSITION
        FROM information_schema.KEY_COLUMN_USAGE
        WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL
        ORDER BY 1, 2, 3, 9
        """;

    // MariaDB names a column-level CHECK after its column, so names repeat across tables: it has TABLE_NAME
    // and LEVEL in CHECK_CONSTRAINTS. MySQL 8 has neither; its check names are unique in the schema.
    private const string MariaDbChecksQuery = """
        SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, LEVEL
        FROM information_schema.CHECK_CONSTRAINTS
        WHERE CONSTRAINT_SCHEMA = DATABASE()
        ORDER BY TABLE_NAME, CONSTRAINT_NAME
        """;

    private const string MySqlChecksQuery = """
        SELECT t.TABLE_NAME, c.CONSTRAINT_NAME, c.CHECK_CLAUSE, 'Table'
        FROM information_schema.CHECK_CONSTRAINTS c
        JOIN information_schema.TABLE_CONSTRAINTS t
          ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME AND t.CONSTRAINT_TYPE = 'CHECK'
        WHERE c.CONSTRAINT_SCHEMA = DATABASE()
        ORDER BY t.TABLE_NAME, c.CONSTRAINT_NAME
        """;

    // What the model cannot express, in one statement: kind, name, table, definition.
    private const string UnmanagedQuery = """
        SELECT LOWER(ROUTINE_TYPE), ROUTINE_NAME, NULL, NULL FROM information_schema.ROUTINES
        WHERE ROUTINE_SCHEMA = DATABASE() AND ROUTINE_TYPE NOT IN ('FUNCTION', 'PROCEDURE')
        """;
}
