namespace SchemaTool.Tests.MySql;

/// <summary>
/// Tables whose columns InnoDB cannot add, drop or move instantly, on the real MariaDB. MariaDB's DDL is not
/// transactional: a statement the server refuses (ER_ALTER_OPERATION_NOT_SUPPORTED) stops `apply` or `rollback`
/// half-way, so each change must name an algorithm and lock the server accepts, in the up file and in the down file,
/// and say so in the plan where writes wait. The conditions, each checked against the server:
/// a virtual generated column whose place in the table a change shifts (InnoDB then refuses INSTANT and INPLACE alike:
/// "INPLACE ADD or DROP of virtual columns cannot be combined with other ALTER TABLE actions"); an index on a virtual
/// column (no instant column change; a rebuild only with writes waiting; NOT NULL only by copy); a SPATIAL index (a
/// rebuild only with writes waiting); ROW_FORMAT=COMPRESSED (no instant column change, a rebuild in place instead).
/// </summary>
public sealed class MariaDbInstantLimitsTests
{
    public sealed record Case(string Before, string After, string Up, string Down, bool UpBlocks, bool DownBlocks)
    {
        public override string ToString() => Up;
    }

    private const string Virtual = """
        tables:
          t:
            columns:
              id: { type: int, primary_key: true }
              a:  { type: int, nullable: true }
              x:  { type: int, nullable: true }
              v:  { type: int, nullable: true, generated: { expression: "a + 1", stored: false } }
              b:  { type: int, nullable: true }

        """;

    private const string IndexedVirtual = Virtual + """
            indexes:
              t_v: { columns: [v] }

        """;

    public static TheoryData<string> Names => new(Cases.Keys);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // ADD COLUMN c AFTER a puts c before v: copy; the down file drops it again, instantly.
        ["add before a virtual column"] = new(Virtual, Virtual.Replace("      x:", "      c:  { type: int, nullable: true }\n      x:"),
            "ADD COLUMN `c` int NULL AFTER `a`, ALGORITHM=COPY, LOCK=SHARED", "DROP COLUMN `c`, ALGORITHM=INSTANT", UpBlocks: true, DownBlocks: false),
        // Dropping x before v is instant, but the down file adds it back before v: copy.
        ["drop before a virtual column"] = new(Virtual, Virtual.Replace("      x:  { type: int, nullable: true }\n", ""),
            "DROP COLUMN `x`, ALGORITHM=INSTANT", "ADD COLUMN `x` int NULL AFTER `a`, ALGORITHM=COPY, LOCK=SHARED", UpBlocks: false, DownBlocks: true),
        // b moves across v, and back in the down file.
        ["move across a virtual column"] = new(Virtual, Virtual.Replace("      b:  { type: int, nullable: true }\n", "").Replace("      x:", "      b:  { type: int, nullable: true }\n      x:"),
            "AFTER `a`, ALGORITHM=COPY, LOCK=SHARED", "AFTER `v`, ALGORITHM=COPY, LOCK=SHARED", UpBlocks: true, DownBlocks: true),
        // A new virtual column before an existing one.
        ["add a virtual column before another"] = new(Virtual, Virtual.Replace("      x:", "      w:  { type: int, nullable: true, generated: { expression: \"a * 2\", stored: false } }\n      x:"),
            "ADD COLUMN `w` int AS (a * 2) VIRTUAL AFTER `a`, ALGORITHM=COPY, LOCK=SHARED", "DROP COLUMN `w`, ALGORITHM=INSTANT", UpBlocks: true, DownBlocks: false),
        // A column added after every virtual column of a table with an indexed one: rebuilt in place, writes waiting.
        ["add last beside an indexed virtual column"] = new(IndexedVirtual, IndexedVirtual.Replace("      b:  { type: int, nullable: true }\n", "      b:  { type: int, nullable: true }\n      c:  { type: int, nullable: true }\n"),
            "ADD COLUMN `c` int NULL AFTER `b`, ALGORITHM=INPLACE, LOCK=SHARED", "DROP COLUMN `c`, ALGORITHM=INPLACE, LOCK=SHARED", UpBlocks: true, DownBlocks: true),
        // Before the indexed virtual column: copy, both ways.
        ["drop before an indexed virtual column"] = new(IndexedVirtual, IndexedVirtual.Replace("      x:  { type: int, nullable: true }\n", ""),
            "DROP COLUMN `x`, ALGORITHM=COPY, LOCK=SHARED", "ADD COLUMN `x` int NULL AFTER `a`, ALGORITHM=COPY, LOCK=SHARED", UpBlocks: true, DownBlocks: true),
        // NOT NULL beside an indexed virtual column only by copy; NULL again in place with writes waiting.
        ["not null beside an indexed virtual column"] = new(IndexedVirtual, IndexedVirtual.Replace("      b:  { type: int, nullable: true }", "      b:  { type: int, default: 0 }"),
            "ALGORITHM=COPY, LOCK=SHARED", "ALGORITHM=INPLACE, LOCK=SHARED", UpBlocks: true, DownBlocks: true),
        // A SPATIAL index: InnoDB rebuilds the table only with writes waiting.
        ["not null beside a spatial index"] = new(Spatial("nullable: true"), Spatial("default: 0"),
            "ALGORITHM=INPLACE, LOCK=SHARED", "ALGORITHM=INPLACE, LOCK=SHARED", UpBlocks: true, DownBlocks: true),
        // ROW_FORMAT=COMPRESSED: no instant column change; a rebuild in place lets writes go on.
        ["add to a compressed table"] = new(Compressed(""), Compressed("      c:  { type: int, nullable: true }\n"),
            "ADD COLUMN `c` int NULL AFTER `a`, ALGORITHM=INPLACE, LOCK=NONE", "DROP COLUMN `c`, ALGORITHM=INPLACE, LOCK=NONE", UpBlocks: false, DownBlocks: false),
        // Compressed, the table takes no instant change, so even the drop before v is a copy.
        ["drop before a virtual column of a compressed table"] = new(CompressedVirtual, CompressedVirtual.Replace("      x:  { type: int, nullable: true }\n", ""),
            "DROP COLUMN `x`, ALGORITHM=COPY, LOCK=SHARED", "ADD COLUMN `x` int NULL AFTER `a`, ALGORITHM=COPY, LOCK=SHARED", UpBlocks: true, DownBlocks: true),
        // KEY_BLOCK_SIZE alone makes InnoDB pages compressed.
        ["add to a table with a key block size"] = new(Compressed("").Replace("row_format: COMPRESSED", "key_block_size: 8"),
            Compressed("      c:  { type: int, nullable: true }\n").Replace("row_format: COMPRESSED", "key_block_size: 8"),
            "ADD COLUMN `c` int NULL AFTER `a`, ALGORITHM=INPLACE, LOCK=NONE", "DROP COLUMN `c`, ALGORITHM=INPLACE, LOCK=NONE", UpBlocks: false, DownBlocks: false),
        ["move in a compressed table"] = new(Compressed(""), Compressed("").Replace("      a:  { type: int, nullable: true }\n", "") + "      a:  { type: int, nullable: true }\n",
            "ALGORITHM=INPLACE, LOCK=NONE", "ALGORITHM=INPLACE, LOCK=NONE", UpBlocks: false, DownBlocks: false),
    };

    private static string CompressedVirtual => Virtual.Replace("  t:\n", "  t:\n    row_format: COMPRESSED\n");

    private static string Spatial(string b) => $$"""
        tables:
          t:
            columns:
              id: { type: int, primary_key: true }
              g:  { type: point }
              b:  { type: int, {{b}} }
            indexes:
              t_g: { columns: [g], using: spatial }

        """;

    private static string Compressed(string added) => $$"""
        tables:
          t:
            row_format: COMPRESSED
            columns:
              id: { type: int, primary_key: true }
              a:  { type: int, nullable: true }
        {{added}}      b:  { type: int, nullable: true }

        """;

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_change_names_what_the_server_accepts_and_applies_and_rolls_back(string name)
    {
        var c = Cases[name];
        await using var project = await MySqlProject.CreateAsync("instant");
        await project.PlanRevisionAsync(c.Before, "before");
        await project.ApplyAsync();
        await project.ExecuteAsync(c.Before.Contains("g:", StringComparison.Ordinal)
            ? "INSERT INTO t (id, g, b) VALUES (1, POINT(1, 1), 2)" : "INSERT INTO t (id, a, b) VALUES (1, 1, 2)");

        var plan = await project.PlanAsync(c.After);
        var up = Assert.Single(plan.UpStatements, s => s.Statement.Text.Contains(c.Up, StringComparison.Ordinal));
        Assert.Equal(c.UpBlocks, up.Statement.Traits.BlocksWrites);
        if (c.UpBlocks) Assert.NotNull(up.Statement.Note);
        var down = Assert.Single(plan.DownStatements, s => s.Statement.Text.Contains(c.Down, StringComparison.Ordinal));
        Assert.Equal(c.DownBlocks, down.Statement.Traits.BlocksWrites);
        if (c.DownBlocks) Assert.NotNull(down.Statement.Note);

        Assert.NotNull(await project.PlanRevisionAsync(c.After, "change"));
        await project.ApplyAsync();
        Assert.Null(await project.PlanRevisionAsync(c.After, "again"));
        Assert.Single(await project.QueryAsync("SELECT id FROM t"));

        await project.RollbackAsync("-1");
        Assert.Null(await project.PlanRevisionAsync(c.Before, "back"));
        Assert.Single(await project.QueryAsync("SELECT id FROM t"));
    }
}
