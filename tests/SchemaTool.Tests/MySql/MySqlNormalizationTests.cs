using SchemaTool.Dialects.MySql;
using SchemaTool.Model;

namespace SchemaTool.Tests.MySql;

/// <summary>Each catalog quirk, read in both spellings, comes to one canonical form (no server needed).</summary>
public sealed class MySqlNormalizationTests
{
    [Theory]
    [InlineData("boolean", "tinyint(1)")]
    [InlineData("bool", "tinyint(1)")]
    [InlineData("smallint", "smallint")]
    [InlineData("integer", "int")]
    [InlineData("bigint", "bigint")]
    [InlineData("varchar(64)", "varchar(64)")]
    [InlineData("char(2)", "char(2)")]
    [InlineData("text", "text")]
    [InlineData("decimal(10, 2)", "decimal(10,2)")]
    [InlineData("numeric", "decimal(10,0)")]
    [InlineData("real", "float")]
    [InlineData("double precision", "double")]
    [InlineData("date", "date")]
    [InlineData("time", "time")]
    [InlineData("timestamp", "datetime")]
    [InlineData("timestamp(6)", "datetime(6)")]
    [InlineData("timestamptz", "timestamptz")]
    [InlineData("uuid", "char(36)")]
    [InlineData("json", "json")]
    [InlineData("binary", "longblob")]
    [InlineData("binary(16)", "binary(16)")]
    [InlineData("ENUM('A', 'b')", "enum('A','b')")]
    public void Portable_types_map_to_MySQL_and_stay_there(string model, string canonical)
    {
        Assert.Equal(canonical, MySqlTypes.Canonical(model));
        Assert.Equal(canonical, MySqlTypes.Canonical(canonical));
    }

    [Theory]
    [InlineData("int(11)", "int")]
    [InlineData("bigint(20) unsigned", "bigint unsigned")]
    [InlineData("smallint(5) unsigned", "smallint unsigned")]
    [InlineData("tinyint(4)", "tinyint")]
    [InlineData("tinyint(1)", "tinyint(1)")]
    public void Integer_display_widths_of_MariaDB_are_cosmetic(string mariaDb, string canonical) =>
        Assert.Equal(canonical, MySqlTypes.FromCatalog(mariaDb));

    [Fact]
    public void MySQL_TIMESTAMP_reads_back_as_the_portable_timestamptz_and_is_written_as_timestamp()
    {
        Assert.Equal("timestamptz(3)", MySqlTypes.FromCatalog("timestamp(3)"));
        Assert.Equal("timestamp(3)", MySqlTypes.ToSql("timestamptz(3)"));
        Assert.Equal("datetime", MySqlTypes.FromCatalog("datetime"));
    }

    [Fact]
    public void Tinyint_1_is_the_boolean_and_its_default_true_is_1()
    {
        var model = MySqlNormalizer.Normalize(new Column("active", "boolean", Default: ColumnDefault.Boolean(true)));
        var catalog = MySqlDefaults.FromCatalog("1", "", mariaDb: true, "tinyint(1)");
        Assert.Equal(new Column("active", "tinyint(1)", Default: ColumnDefault.Number("1")), model);
        Assert.Equal(model.Default, catalog);
    }

    [Theory]
    [InlineData("'abc'", "abc")]
    [InlineData("'it''s \\\\ x'", "it's \\ x")]
    [InlineData("'NULL'", "NULL")]
    public void MariaDB_quotes_string_defaults(string columnDefault, string value) =>
        Assert.Equal(ColumnDefault.String(value), MySqlDefaults.FromCatalog(columnDefault, "", mariaDb: true, "varchar(20)"));

    [Fact]
    public void MariaDB_writes_NULL_for_no_default_and_MySQL_8_a_real_null() =>
        Assert.Equal((null, null), (MySqlDefaults.FromCatalog("NULL", "", true, "int"), MySqlDefaults.FromCatalog(null, "", false, "int")));

    [Fact]
    public void MySQL_8_prints_string_defaults_bare() =>
        Assert.Equal(ColumnDefault.String("abc"), MySqlDefaults.FromCatalog("abc", "", mariaDb: false, "varchar(20)"));

    [Theory]
    [InlineData("current_timestamp()", "", true)]
    [InlineData("CURRENT_TIMESTAMP", "DEFAULT_GENERATED", false)]
    public void Current_timestamp_in_either_spelling_is_one_default(string columnDefault, string extra, bool mariaDb)
    {
        var expected = ColumnDefault.Sql("current_timestamp()");
        Assert.Equal(expected, MySqlDefaults.FromCatalog(columnDefault, extra, mariaDb, "datetime"));
        Assert.Equal(expected, MySqlDefaults.Canonical(ColumnDefault.Sql("CURRENT_TIMESTAMP"), "datetime"));
        Assert.Equal(expected, MySqlDefaults.Canonical(ColumnDefault.Sql("now()"), "datetime"));
    }

    [Theory]
    [InlineData("current_timestamp()", "on update current_timestamp()", true)]
    [InlineData("CURRENT_TIMESTAMP", "DEFAULT_GENERATED on update CURRENT_TIMESTAMP", false)]
    public void On_update_current_timestamp_rides_on_the_default(string columnDefault, string extra, bool mariaDb)
    {
        var expected = ColumnDefault.Sql("current_timestamp() on update current_timestamp()");
        Assert.Equal(expected, MySqlDefaults.FromCatalog(columnDefault, extra, mariaDb, "datetime"));
        Assert.Equal(expected, MySqlDefaults.Canonical(ColumnDefault.Sql("now() ON UPDATE CURRENT_TIMESTAMP"), "datetime"));
        Assert.Equal("current_timestamp() ON UPDATE current_timestamp()", MySqlDefaults.ToSql(expected));
        Assert.Equal("NULL ON UPDATE current_timestamp()", MySqlDefaults.ToSql(MySqlDefaults.FromCatalog("NULL", extra, true, "datetime")!));
    }

    [Fact]
    public void Literal_defaults_take_the_form_the_column_stores()
    {
        Assert.Equal(ColumnDefault.Number("1.5"), MySqlDefaults.Canonical(ColumnDefault.Number("1.50"), "decimal(10,2)"));
        Assert.Equal(ColumnDefault.Number("1000"), MySqlDefaults.FromCatalog("1000", "", true, "double"));
        Assert.Equal(ColumnDefault.Number("1000"), MySqlDefaults.Canonical(ColumnDefault.Number("1e3"), "double"));
        Assert.Equal(ColumnDefault.String("5"), MySqlDefaults.Canonical(ColumnDefault.Number("5"), "varchar(5)"));
        Assert.Equal(ColumnDefault.Number("5"), MySqlDefaults.Canonical(ColumnDefault.String("5"), "int"));
        Assert.Null(MySqlDefaults.Canonical(ColumnDefault.Sql("NULL"), "int"));
        Assert.Equal(ColumnDefault.Sql("1 + 1"), MySqlDefaults.FromCatalog("(1 + 1)", "", true, "int"));
    }

    [Theory]
    [InlineData("2024-01-08 10:00:00+00:00", "2024-01-08 10:00:00")]
    [InlineData("2024-01-08 12:00:00+02:00", "2024-01-08 10:00:00")]
    [InlineData("2024-01-08T04:30:00-05:30", "2024-01-08 10:00:00")]
    [InlineData("2024-01-08 10:00:00Z", "2024-01-08 10:00:00")]
    [InlineData("2024-01-08 10:00:00.25+01", "2024-01-08 09:00:00.25")]
    [InlineData("2024-01-08 10:00:00", "2024-01-08 10:00:00")]
    public void A_timestamptz_default_with_an_offset_is_the_same_instant_in_UTC_without_one(string model, string canonical)
    {
        Assert.Equal(ColumnDefault.String(canonical), MySqlDefaults.Canonical(ColumnDefault.String(model), "timestamptz"));
        Assert.Equal(ColumnDefault.String(canonical), MySqlDefaults.Canonical(ColumnDefault.String(model), "timestamptz(3)"));
        // What the catalog prints, read in a UTC session, is the canonical form itself.
        Assert.Equal(ColumnDefault.String(canonical), MySqlDefaults.FromCatalog($"'{canonical}'", "", true, "timestamptz"));
        Assert.Equal($"'{canonical}'", MySqlDefaults.ToSql(MySqlDefaults.Canonical(ColumnDefault.String(model), "timestamptz")!));
    }

    [Fact]
    public void An_offset_is_left_alone_outside_timestamptz() =>
        Assert.Equal(ColumnDefault.String("2024-01-08 12:00:00+02:00"), MySqlDefaults.Canonical(ColumnDefault.String("2024-01-08 12:00:00+02:00"), "varchar(40)"));

    [Fact]
    public void Restrict_and_no_action_on_foreign_keys_are_one()
    {
        var fk = new ForeignKey("fk", new[] { "a" }, "t", new[] { "id" }, ReferentialAction.Restrict, ReferentialAction.Restrict);
        Assert.Equal(fk with { OnDelete = ReferentialAction.NoAction, OnUpdate = ReferentialAction.NoAction }, MySqlNormalizer.Normalize(fk));
    }

    [Fact]
    public void The_primary_key_is_always_named_PRIMARY_so_a_model_name_is_dropped() =>
        Assert.Null(MySqlNormalizer.Normalize(new Table("t", new[] { new Column("id", "int") }, new PrimaryKey(new[] { "id" }, "pk_t"))).PrimaryKey!.Name);

    [Fact]
    public void The_index_InnoDB_makes_for_a_foreign_key_is_not_a_model_index()
    {
        var fk = new ForeignKey("fk_posts_user", new[] { "user_id" }, "users", new[] { "id" });
        var table = new Table("posts", new[] { new Column("id", "int"), new Column("user_id", "int") }, null,
            new[] { new TableIndex("fk_posts_user", new[] { IndexPart.Of("user_id") }), new TableIndex("ix_other", new[] { IndexPart.Of("user_id") }) },
            new[] { fk });
        Assert.Equal(["ix_other"], MySqlNormalizer.Normalize(table).Indexes.Select(i => i.Name));
    }

    [Theory]
    [InlineData("NEXT VALUE FOR invoice_no", "nextval(`app`.`invoice_no`)")]
    [InlineData("nextval(invoice_no)", "nextval(`app`.`invoice_no`)")]
    [InlineData("PREVIOUS VALUE FOR `invoice_no` + 1", "lastval(`app`.`invoice_no`) + 1")]
    public void A_sequence_default_compares_equal_to_the_catalogs_qualified_nextval(string model, string catalog) =>
        Assert.Equal(MySqlExpressions.Canonical(model), MySqlExpressions.Canonical(catalog));

    [Theory]
    [InlineData("NEXT VALUE FOR invoice_no", "invoice_no")]
    [InlineData("nextval(`app`.`invoice_no`)", "invoice_no")]
    [InlineData("previous value for s + setval(t, 5)", "s t")]
    [InlineData("nextval('pg_seq'::regclass)", "")]
    public void The_sequences_a_default_takes_from_are_found(string sql, string names) =>
        Assert.Equal(names, string.Join(" ", SchemaTool.Diff.ExpressionNames.SequenceNames(sql)));

    [Theory]
    [InlineData("A > 0 AND b IN ('x', 'y') OR c IS NOT NULL", "`a` > 0 and `b` in ('x','y') or `c` is not null")]
    [InlineData("LOWER(b) != 'Q' and a<>1", "lcase(`b`) <> 'Q' and `a` <> 1")]
    [InlineData("username <> ''", "(`username` <> _utf8mb4'')")]
    [InlineData("`order` > 0", "`order` > 0")]
    public void Check_expressions_rewritten_by_the_server_compare_equal(string model, string catalog)
    {
        Assert.Equal(MySqlExpressions.Canonical(model), MySqlExpressions.Canonical(catalog));
        Assert.Equal(MySqlExpressions.Canonical(model), MySqlExpressions.Canonical(MySqlExpressions.Canonical(model)));
    }

    [Fact]
    public void A_json_column_has_no_collation_to_compare() =>
        Assert.Null(MySqlNormalizer.Normalize(new Column("meta", "json", Collation: "utf8mb4_bin")).Collation);

    [Fact]
    public void Hash_and_btree_are_the_same_InnoDB_index()
    {
        var index = new TableIndex("ix", new[] { IndexPart.Of("a") }, Method: "HASH", Constraint: true, Unique: true);
        Assert.Equal(index with { Method = null, Constraint = false }, MySqlNormalizer.Normalize(index));
    }
}
