namespace SchemaTool.Yaml;

/// <summary>Bad input in a model or config file: each message starts with file:line:column.</summary>
public sealed class ModelException(IReadOnlyList<string> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
