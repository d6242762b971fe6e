using SchemaTool.Yaml;

namespace SchemaTool.Tests.Yaml;

/// <summary>Each kind of model error, with the exact file:line:column and message a user sees.</summary>
public sealed class ModelErrorTests
{
    private static IReadOnlyList<string> Errors(string yaml, string file = "schema/tables.yaml") =>
        Assert.Throws<ModelException>(() => ModelLoader.Load(file, yaml)).Errors;

    private static string Error(string yaml) => Assert.Single(Errors(yaml));

    [Fact]
    public void Malformed_yaml()
    {
        var error = Error("tables:\n  users:\n    columns: { id: { type: int }\n");
        Assert.StartsWith("schema/tables.yaml:4:1: malformed YAML: ", error);
    }

    [Fact]
    public void Malformed_yaml_with_a_bad_indentation()
    {
        var error = Error("tables:\n  users:\n    columns:\n      id: { type: int }\n     name: { type: text }\n");
        Assert.StartsWith("schema/tables.yaml:5:", error);
        Assert.Contains("malformed YAML", error);
    }

    [Theory]
    [InlineData("flow: { e: [!!] }\n")]
    [InlineData("tables:\n  users:| *olumns:\n    id: 1\n")]
    public void Malformed_yaml_that_the_parser_fails_on_in_its_own_way_is_still_an_error_with_a_place(string yaml)
    {
        Assert.Matches(@"^schema/tables\.yaml:\d+:\d+: malformed YAML", Error(yaml));
    }

    [Fact]
    public void Unknown_top_level_key()
    {
        Assert.Equal("schema/tables.yaml:1:1: unknown key 'tabels' in the model file; did you mean tables? expected one of: tables, views, triggers, functions, procedures, types, sequences, extensions, schemas, events, aggregates", Error("tabels:\n  users: {}\n"));
    }

    [Fact]
    public void Unknown_key_at_table_level()
    {
        Assert.Equal(
            "schema/tables.yaml:4:5: unknown key 'colums' in table 'users'; did you mean columns? expected one of: columns, primary_key, indexes, foreign_keys, checks, comment, renamed_from, partition_by, partitions, engine, charset, collation, row_format, unlogged, without_rowid, strict, virtual, exclusions, with, key_block_size, cluster_on",
            Error("tables:\n  users:\n    columns: { id: { type: int } }\n    colums: { name: { type: text } }\n"));
    }

    [Fact]
    public void Unknown_key_at_column_level()
    {
        var error = Error("tables:\n  users:\n    columns:\n      id: { type: int, nulable: true }\n");
        Assert.StartsWith("schema/tables.yaml:4:24: unknown key 'nulable' in column 'users.id'; did you mean nullable? expected one of: type, nullable, default, default_sql, ", error);
    }

    [Fact]
    public void Unknown_key_at_index_level()
    {
        Assert.Equal(
            "schema/tables.yaml:6:29: unknown key 'uniq' in index 'ix_a' of 'users'; expected one of: columns, unique, using, where, comment, constraint, include, nulls_not_distinct, deferrable, with",
            Error("tables:\n  users:\n    columns:\n      a: { type: int }\n    indexes:\n      ix_a: { columns: [a], uniq: true }\n"));
    }

    [Fact]
    public void Unknown_key_at_index_column_level()
    {
        Assert.StartsWith(
            "schema/tables.yaml:6:38: unknown key 'sort' in a column of index 'ix_a' of 'users'; expected one of: column, expression, order",
            Error("tables:\n  users:\n    columns:\n      a: { type: int }\n    indexes:\n      ix_a: { columns: [{ column: a, sort: desc }] }\n"));
    }

    [Fact]
    public void Unknown_key_at_foreign_key_level()
    {
        const string yaml = """
            tables:
              roles:
                columns:
                  id: { type: int, primary_key: true }
              users:
                columns:
                  role_id: { type: int }
                foreign_keys:
                  fk_role: { columns: [role_id], references: { table: roles, columns: [id] }, on_delet: cascade }
            """;
        Assert.Equal(
            "schema/tables.yaml:9:83: unknown key 'on_delet' in foreign key 'fk_role' of 'users'; did you mean on_delete? expected one of: columns, references, on_delete, on_update, deferrable, not_valid",
            Error(yaml));
    }

    [Fact]
    public void Wrong_type_for_a_boolean()
    {
        Assert.Equal("schema/tables.yaml:4:34: nullable must be true or false",
            Error("tables:\n  users:\n    columns:\n      id: { type: int, nullable: yes please }\n"));
    }

    [Fact]
    public void Wrong_type_for_a_map()
    {
        Assert.Equal("schema/tables.yaml:3:14: columns of 'users' must be a map (key: value)",
            Error("tables:\n  users:\n    columns: [id, name]\n"));
    }

    [Fact]
    public void Wrong_type_for_a_text_value()
    {
        Assert.Equal("schema/tables.yaml:4:19: type must be a text value",
            Error("tables:\n  users:\n    columns:\n      id: { type: [int] }\n"));
    }

    [Fact]
    public void Missing_type()
    {
        Assert.Equal("schema/tables.yaml:4:7: column 'users.id' has no type: add `type:` (e.g. int, varchar(64), text)",
            Error("tables:\n  users:\n    columns:\n      id: { nullable: true }\n"));
    }

    [Fact]
    public void Default_and_default_sql_together()
    {
        Assert.Equal("schema/tables.yaml:4:7: column 'users.n' has both `default` and `default_sql`: keep one",
            Error("tables:\n  users:\n    columns:\n      n: { type: int, default: 1, default_sql: \"1 + 1\" }\n"));
    }

    [Fact]
    public void Dangling_references_to_a_missing_table()
    {
        Assert.Equal("schema/tables.yaml:4:57: 'users.team_id' references table 'teams', which the model does not declare",
            Error("tables:\n  users:\n    columns:\n      team_id: { type: int, nullable: true, references: teams.id }\n"));
    }

    [Fact]
    public void Dangling_references_to_a_missing_column()
    {
        const string yaml = "tables:\n  teams:\n    columns:\n      id: { type: int, primary_key: true }\n  users:\n    columns:\n      team_id: { type: int, references: teams.key }\n";
        Assert.Equal("schema/tables.yaml:7:41: 'users.team_id' references column 'teams.key', which does not exist", Error(yaml));
    }

    [Fact]
    public void References_not_written_table_dot_column()
    {
        const string yaml = "tables:\n  teams:\n    columns:\n      id: { type: int, primary_key: true }\n  users:\n    columns:\n      team_id: { type: int, references: teams }\n";
        Assert.Equal("schema/tables.yaml:7:41: references of 'users.team_id' must be written table.column, not 'teams'", Error(yaml));
    }

    [Fact]
    public void Foreign_key_to_a_non_unique_column()
    {
        const string yaml = "tables:\n  teams:\n    columns:\n      id: { type: int, primary_key: true }\n      code: { type: text }\n  users:\n    columns:\n      team_code: { type: text, references: teams.code }\n";
        Assert.Equal("schema/tables.yaml:8:44: 'users.team_code' references teams(code), which is not a primary key or unique; make it unique", Error(yaml));
    }

    [Fact]
    public void Foreign_key_to_a_unique_column_is_fine()
    {
        const string yaml = "tables:\n  teams:\n    columns:\n      id: { type: int, primary_key: true }\n      code: { type: text, unique: true }\n  users:\n    columns:\n      team_code: { type: text, references: teams.code }\n";
        Assert.Single(ModelLoader.Load("m.yaml", yaml).FindTable("users")!.ForeignKeys);
    }

    [Fact]
    public void Table_level_foreign_key_to_a_non_unique_column()
    {
        const string yaml = """
            tables:
              teams:
                columns:
                  id: { type: int, primary_key: true }
                  code: { type: text }
              users:
                columns:
                  team_code: { type: text }
                foreign_keys:
                  fk_team: { columns: [team_code], references: { table: teams, columns: [code] } }
            """;
        Assert.Equal("schema/tables.yaml:10:7: foreign key 'fk_team' references teams(code), which is not a primary key or unique; make it unique", Error(yaml));
    }

    [Fact]
    public void Duplicate_table_across_two_files()
    {
        var e = Assert.Throws<ModelException>(() => ModelLoader.Load([
            ("schema/a.yaml", "tables:\n  users:\n    columns:\n      id: { type: int }\n"),
            ("schema/b.yaml", "# more\ntables:\n  users:\n    columns:\n      id: { type: int }\n"),
        ]));
        Assert.Equal(["schema/b.yaml:3:3: table 'users' is declared twice (also at schema/a.yaml:2:3)"], e.Errors);
    }

    [Fact]
    public void Duplicate_column()
    {
        Assert.Equal("schema/tables.yaml:5:7: 'id' is declared twice in the same map; keep one",
            Error("tables:\n  users:\n    columns:\n      id: { type: int }\n      id: { type: bigint }\n"));
    }

    [Fact]
    public void Duplicate_index_name_in_one_table()
    {
        const string yaml = """
            tables:
              a:
                columns:
                  x: { type: int, unique: true }
                indexes:
                  uq_a_x: { columns: [x] }
            """;
        Assert.Equal("schema/tables.yaml:4:7: index name 'uq_a_x' is used twice in 'a' (also at schema/tables.yaml:6:7)", Error(yaml));
    }

    [Fact]
    public void Unknown_referential_action()
    {
        const string yaml = "tables:\n  teams:\n    columns:\n      id: { type: int, primary_key: true }\n  users:\n    columns:\n      team_id: { type: int, references: teams.id, on_delete: explode }\n";
        Assert.Equal("schema/tables.yaml:7:62: unknown referential action 'explode'; expected cascade, restrict, set null, set default or no action", Error(yaml));
    }

    [Fact]
    public void Index_on_a_missing_column()
    {
        Assert.Equal("schema/tables.yaml:6:7: index 'ix_b' of 'users' uses column 'b', which the table does not have",
            Error("tables:\n  users:\n    columns:\n      a: { type: int }\n    indexes:\n      ix_b: { columns: [a, b] }\n"));
    }

    [Fact]
    public void Primary_key_on_a_missing_column()
    {
        Assert.Equal("schema/tables.yaml:5:18: primary_key of 'users' names column 'b', which the table does not have",
            Error("tables:\n  users:\n    columns:\n      a: { type: int }\n    primary_key: [a, b]\n"));
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_at_once()
    {
        var errors = Errors("tables:\n  users:\n    columns:\n      id: { type: int, nulable: true }\n      name: { typ: text }\n");
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Matches(@"^schema/tables\.yaml:\d+:\d+: ", e));
    }
}
