using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>What PostgreSQL asks of the model's triggers beyond what every dialect checks.</summary>
internal static class PostgresObjectValidator
{
    public static IEnumerable<string> Validate(Schema model)
    {
        foreach (var trigger in model.Triggers)
        {
            if (trigger.Body is not null)
                yield return $"trigger {trigger.Name}: PostgreSQL runs a trigger's action as a function: write `execute: f()` with a function of " +
                    "the model (`functions:`) instead of `body:`";
            else if (trigger.Execute is null)
                yield return $"trigger {trigger.Name}: say the function it runs: `execute: f()`";
        }
    }
}
