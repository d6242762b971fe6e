using System.Text;
using SchemaTool.Model;
using SchemaTool.Tests.Generated;
using SchemaTool.Tests.Safety.Support;
using SchemaTool.Tests.Ux.Support;
using SchemaTool.Yaml;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Tests.Yaml;

/// <summary>
/// The fast reader must never read a file differently from the full YAML parser: for every text it accepts, both
/// give the same tree (values, plain or quoted, positions); where it gives up, the full parser decides.
/// </summary>
public class SubsetYamlReaderTests
{
    private static readonly string[] AcceptedTexts =
    [
        "tables:\n  users:\n    columns:\n      id: { type: bigint, primary_key: true }\n",
        "a: 1\nb: two words\nc: 'single ''quoted'''\nd: \"double \\\"quoted\\\" \\u00e9\\n\\t\\\\ \\/\"\n",
        "# leading comment\n\na: 1 # trailing\n  # indented comment\nb:   x   \n",
        "a:\nb: ~\nc: null\n",
        "list:\n  - one\n  - 'two'\n  - [3, 4]\n  - { k: v }\nnext: 1\n",
        "same_indent:\n- a\n- b\nafter: c\n",
        "flow: { a: [x, y, 'z'], b: { c: \"d\" }, e: [] , f: {} }\n",
        "type: decimal(12,2)\nexpr: a > 0 and b < 1\nurl: http://x/y?z=1\ntime: 12:30\n",
        "neg: -1\nfloat: 1.5e3\nweird: a-b?c:d\npct: 50%\nhash: a#b\n",
        "quoted_key: 1\n\"k e y\": 2\n'other': 3\n",
        "  indented_root: 1\n  second: 2\n",
        "windows: 1\r\nline: 2\r\n",
        "unicode: héllo wörld ✓\n",
        "",
        "# only a comment\n",
        "a: [x,y]\nb: [ x , y ]\nc: { k: v,}\nd: [x,]\n",
        "deep:\n  a:\n    b:\n      c: 1\n  d: 2\ne: 3\n",
        "dup: 1\ndup: 2\n",
        "m: { k: 1, k: 2 }\n",
        // The longest key written without `? ` (1024 characters to the colon) and the deepest nesting (64 levels).
        new string('k', 1024) + ": 1\n",
        "'" + new string('k', 1022) + "': 1\n",
        "a: { " + new string('k', 1100) + ": 1 }\n",
        "x: " + new string('[', 63) + new string(']', 63) + "\n",
    ];

    public static TheoryData<string> Accepted => new(AcceptedTexts);


    public static TheoryData<string> GivenUp => new()
    {
        "a: &anchor 1\nb: *anchor\n",
        "a: !!str 1\n",
        "a: |\n  block\n",
        "a: >\n  folded\n",
        "a: multi\n  line plain\n",
        "a: { k: v,\n  l: w }\n",
        "a: \"multi\n  line\"\n",
        "---\na: 1\n",
        "a: 1\n...\n",
        "%YAML 1.2\n---\na: 1\n",
        "a:\tb\n",
        "? complex\n: key\n",
        "- a: 1\n  b: 2\n",
        "a: \"\\x41\"\n",
        "a: b: c\n",
        "plain scalar root\n",
        "a: [k: v]\n",
        "a: {k}\n",
        new string('k', 1025) + ": 1\n",
        "'" + new string('k', 1023) + "': 1\n",
        "a:\n  " + new string('k', 1025) + ": 1\n",
        "x: " + new string('[', 64) + new string(']', 64) + "\n",
        "a:\n\tb: 1\n",
        "t: { type: decimal(10,2) }\n",
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Reads_the_subset_the_way_the_full_parser_does(string text)
    {
        Assert.True(Compare(text), "the subset reader gave up on text it should read");
    }

    [Theory]
    [MemberData(nameof(GivenUp))]
    public void Gives_up_outside_the_subset_so_the_full_parser_decides(string text)
    {
        Assert.False(Compare(text), "the subset reader read text it should leave to the full parser");
    }

    [Fact]
    public void Reads_the_examples_and_every_written_model_without_the_full_parser()
    {
        var root = RepoPaths.Root;
        var files = Directory.GetFiles(Path.Combine(root, "examples"), "*.yaml", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
            Assert.True(Compare(File.ReadAllText(file)), $"{file}: the subset reader gave up");

        for (var seed = 1; seed <= 100; seed++)
        {
            var (a, b) = new SchemaGenerator(seed).Pair();
            foreach (var tables in new[] { a, b })
            {
                var yaml = ModelWriter.Write(new Schema(tables.Select(t => t.ToModel())));
                Assert.True(Compare(yaml), $"seed {seed}: the subset reader gave up on ModelWriter's output");
            }
        }
    }

    [Fact]
    public void Agrees_with_the_full_parser_on_randomly_damaged_models()
    {
        var samples = new[]
        {
            AcceptedTexts[0], AcceptedTexts[1], AcceptedTexts[2], AcceptedTexts[4], AcceptedTexts[6], AcceptedTexts[7], AcceptedTexts[16],
            File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "quickstart", "schema", "tables.yaml")),
        };
        const string pieces = ":- #'\"\n[]{},&*!|>\\a1\t?.~%";
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SCHEMATOOL_SEED"), out var s) ? s : 20261201;
        var random = new Random(seed);
        int accepted = 0, total = 0;
        for (var i = 0; i < (LongRun.Enabled ? 5_000_000 : 100_000); i++)
        {
            var text = new StringBuilder(samples[random.Next(samples.Length)]);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(text.Length + 1);
                switch (random.Next(3))
                {
                    case 0: text.Insert(at, pieces[random.Next(pieces.Length)]); break;
                    case 1: if (at < text.Length) text.Remove(at, 1); break;
                    default: if (at < text.Length) text[at] = pieces[random.Next(pieces.Length)]; break;
                }
            }
            total++;
            try
            {
                if (Compare(text.ToString())) accepted++;
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                throw new InvalidOperationException($"on damaged text:\n{text}", e);
            }
        }
        // Most damage leaves the text inside the subset, so the comparison above is not vacuous.
        Assert.True(accepted > total / 5, $"only {accepted} of {total} damaged texts were read by the subset reader");
    }

    /// <summary>True when the subset reader read the text; then it must agree exactly with the full parser.</summary>
    private static bool Compare(string text)
    {
        string? subset = null, subsetError = null, full = null, fullError = null;
        var read = false;
        try
        {
            read = SubsetYamlReader.TryRead(text, out var root);
            if (read) subset = Dump(root);
        }
        catch (YamlSyntaxException e)
        {
            read = true;
            subsetError = $"{e.Line}:{e.Column}: {e.Message}";
        }
        try { full = Dump(FullYamlReader.Read(text)); }
        catch (YamlSyntaxException e) { fullError = $"{e.Line}:{e.Column}: {e.Message}"; }

        if (!read) return false;
        Assert.True(subsetError == fullError && subset == full,
            $"readers disagree on:\n{text}\n-- subset: {subsetError ?? subset}\n-- full:   {fullError ?? full}");
        return true;
    }

    private static string Dump(YamlValue? node) => node switch
    {
        null => "(none)",
        YamlScalar s => $"{(s.Plain ? "P" : "Q")}@{s.Line}:{s.Column}<{s.Value}>",
        YamlList l => $"L@{l.Line}:{l.Column}[{string.Join(", ", l.Items.Select(Dump))}]",
        YamlMap m => $"M@{m.Line}:{m.Column}{{{string.Join(", ", m.Entries.Select(e => Dump(e.Key) + ": " + Dump(e.Value)))}}}",
        _ => throw new InvalidOperationException(node.GetType().Name),
    };
}
