namespace SchemaTool.Dialects;

public sealed class LockTimeoutException(string message) : Exception(message);
