namespace SchemaTool;

/// <summary>A failure the user can act on; <see cref="ExitCode"/> follows SPEC.md (2 bad input, 3 database).</summary>
public class SchemaToolException(string message, int exitCode, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>Bad input: config, model, arguments or migration files. Exit code 2.</summary>
public sealed class InputException(string message) : SchemaToolException(message, 2);

/// <summary>The database refused or failed: connection, SQL error, lock timeout. Exit code 3.</summary>
public class DatabaseException(string message, Exception? inner = null) : SchemaToolException(message, 3, inner);

/// <summary>The server could not be reached or refused the login. Exit code 3.</summary>
public sealed class ConnectionException(string message, Exception? inner = null) : DatabaseException(message, inner);
