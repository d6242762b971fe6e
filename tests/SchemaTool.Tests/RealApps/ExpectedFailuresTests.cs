namespace SchemaTool.Tests.RealApps;

/// <summary>
/// The registry of files that still fail holds the corpus to it: a listed file passes its test only when it fails
/// exactly as listed, and an unlisted failure, a listed file that now passes, or one that fails elsewhere fails.
/// </summary>
public sealed class ExpectedFailuresTests
{
    private static readonly RealAppFile File = new("postgres", "app-schema", "app-schema.sql");

    private static readonly ExpectedFailure WaitsForEnums =
        ExpectedFailures.Parse("| `postgres/app-schema` | plan, named | 19 (enum or domain); 19 (extension) | #19: enums |")["postgres/app-schema"];

    private static RealAppResult Result(params StageFailure[] failures) => new(File, null, [], failures, TimeSpan.Zero);

    private static readonly StageFailure UnknownType =
        new("plan", "error: schema/inspected.yaml:3:7: column 't.c': unknown type mood: this database has no such type");

    private static readonly StageFailure ExtensionNotNamed = new("named", "not named by inspect: extension citext");

    [Fact]
    public void A_listed_file_that_fails_as_listed_passes()
    {
        var result = Result(ExtensionNotNamed, UnknownType);

        Assert.Equal(["19 (enum or domain)", "19 (extension)"], result.Classes);
        Assert.Null(ExpectedFailures.Verdict(result, WaitsForEnums));
    }

    [Fact]
    public void A_listed_file_that_now_passes_fails_so_that_the_list_shrinks()
    {
        Assert.Contains("now round-trips: remove it", ExpectedFailures.Verdict(Result(), WaitsForEnums));
    }

    [Fact]
    public void A_listed_file_that_fails_at_another_stage_or_for_another_class_fails()
    {
        var otherStage = Result(ExtensionNotNamed, UnknownType, new StageFailure("second plan", "ALTER TABLE t ..."));
        var otherClass = Result(ExtensionNotNamed, new StageFailure("plan", "error: column 't.id': its default uses sequence 's', which the model does not declare"));

        Assert.Contains("fails otherwise than EXPECTED-FAILURES.md lists", ExpectedFailures.Verdict(otherStage, WaitsForEnums));
        Assert.Contains("fails otherwise than EXPECTED-FAILURES.md lists", ExpectedFailures.Verdict(otherClass, WaitsForEnums));
    }

    [Fact]
    public void A_class_marked_optional_may_show_or_not_and_the_others_must()
    {
        var listed = ExpectedFailures.Parse(
            "| `postgres/x` | named, plan | 19 (enum or domain)?; 19 (extension) | versions |")["postgres/x"];

        Assert.Null(ExpectedFailures.Verdict(Result(ExtensionNotNamed, UnknownType), listed));
        Assert.Contains("fails otherwise", ExpectedFailures.Verdict(Result(UnknownType), listed));
        var withoutIt = ExpectedFailures.Parse("| `postgres/x` | named, plan | 1?; 19 (extension) | versions |")["postgres/x"];
        Assert.Contains("fails otherwise", ExpectedFailures.Verdict(Result(ExtensionNotNamed, UnknownType), withoutIt));
    }

    [Fact]
    public void An_unlisted_file_that_fails_fails_and_an_unlisted_file_that_passes_passes()
    {
        Assert.Contains("is not in EXPECTED-FAILURES.md", ExpectedFailures.Verdict(Result(UnknownType), null));
        Assert.Null(ExpectedFailures.Verdict(Result(), null));
    }

    [Fact]
    public void The_registry_cannot_list_an_unclassified_failure_or_a_file_twice()
    {
        Assert.Throws<FormatException>(() => ExpectedFailures.Parse("| `mysql/x` | compare | unclassified (compare) | ? |"));
        Assert.Throws<FormatException>(() => ExpectedFailures.Parse("| `mysql/x` | compare | 11 | a |\n| `mysql/x` | compare | 11 | b |"));
    }

    [Fact]
    public void Every_listed_file_is_in_the_corpus()
    {
        var corpus = new[] { "postgres", "mysql", "sqlite" }.SelectMany(RealAppCorpus.Files).Select(f => f.ToString()).ToHashSet();

        Assert.All(ExpectedFailures.Read().Keys, file => Assert.Contains(file, corpus));
    }
}
