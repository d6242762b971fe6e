using System.Text;
using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Yaml;

public sealed class ShorthandNameTests
{
    private const string Tutorial = """
        tables:
          roles:
            columns:
              id:   { type: int, primary_key: true, auto_increment: true }
              name: { type: varchar(64), unique: true }
          users:
            columns:
              id:       { type: int, primary_key: true, auto_increment: true }
              username: { type: varchar(64), unique: true, index: true }
              nickname: { type: varchar(64), index: true }
              role_id:  { type: int, nullable: true, references: roles.id, on_delete: cascade }
        """;

    [Fact]
    public void Shorthands_expand_to_table_level_objects_with_deterministic_names()
    {
        var schema = ModelLoader.Load("m.yaml", Tutorial);
        var users = schema.FindTable("users")!;

        Assert.Equal(new PrimaryKey(new[] { "id" }), users.PrimaryKey);
        Assert.Equal(
            new TableIndex[]
            {
                new("ix_users_nickname", new[] { IndexPart.Of("nickname") }),
                new("ix_users_username", new[] { IndexPart.Of("username") }, Unique: true),
            },
            users.Indexes);
        Assert.Equal(
            [new ForeignKey("fk_users_role_id", new[] { "role_id" }, "roles", new[] { "id" }, ReferentialAction.Cascade)],
            users.ForeignKeys);
        Assert.Equal([new TableIndex("uq_roles_name", new[] { IndexPart.Of("name") }, Unique: true)], schema.FindTable("roles")!.Indexes);
    }

    [Fact]
    public void The_same_model_loads_to_the_same_schema_every_time()
    {
        Assert.Equal(ModelLoader.Load("m.yaml", Tutorial), ModelLoader.Load("m.yaml", Tutorial));
    }

    [Fact]
    public void A_long_generated_name_is_cut_to_63_bytes_with_a_hash_of_the_whole()
    {
        var table = "customer_subscription_billing_periods";
        var column = "previous_invoice_reference_number";
        var yaml = $"tables:\n  {table}:\n    columns:\n      {column}: {{ type: int, index: true }}\n";

        var name = ModelLoader.Load("m.yaml", yaml).Tables[0].Indexes.Single().Name;

        var full = $"ix_{table}_{column}";
        Assert.True(full.Length > 63);
        Assert.Equal(63, Encoding.UTF8.GetByteCount(name));
        Assert.StartsWith(full[..54] + "_", name);
        Assert.Matches("_[0-9a-f]{8}$", name);
        Assert.Equal(name, Names.Fit(full));
        // A different long name with the same first 54 characters gets a different hash.
        Assert.NotEqual(name, Names.Fit(full + "x"));
    }

    [Fact]
    public void A_name_of_exactly_63_bytes_is_kept()
    {
        var name = new string('a', 63);
        Assert.Equal(name, Names.Fit(name));
    }

    [Fact]
    public void Multibyte_names_are_cut_on_a_character_boundary_within_63_bytes()
    {
        var name = Names.Fit("ix_" + string.Concat(Enumerable.Repeat("ü", 40)));
        Assert.True(Encoding.UTF8.GetByteCount(name) <= 63);
        Assert.DoesNotContain('\uFFFD', name);
        Assert.Matches("^ix_ü+_[0-9a-f]{8}$", name);
    }
}
