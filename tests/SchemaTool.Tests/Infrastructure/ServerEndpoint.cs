namespace SchemaTool.Tests.Infrastructure;

/// <summary>Where a database server listens and whom to log in as.</summary>
public sealed record ServerEndpoint(string Host, int Port, string User, string? Password)
{
    /// <summary>Reads an override such as <c>postgres://user:secret@host:5432/ignored</c>.</summary>
    public static ServerEndpoint Parse(string url, int defaultPort, params string[] schemes)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme))
            throw new ArgumentException($"'{url}' is not a {string.Join(" or ", schemes)}:// URL.");
        if (uri.Query.Length > 0)
            throw new ArgumentException($"'{url}': query parameters are not supported in a test server URL.");
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length == 0)
            throw new ArgumentException($"'{url}' names no user.");
        return new ServerEndpoint(
            uri.Host,
            uri.IsDefaultPort ? defaultPort : uri.Port,
            Uri.UnescapeDataString(userInfo[0]),
            userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : null);
    }

    public string Url(string scheme, string database)
    {
        var credentials = Uri.EscapeDataString(User) + (Password is null ? "" : ":" + Uri.EscapeDataString(Password));
        return $"{scheme}://{credentials}@{Host}:{Port}/{Uri.EscapeDataString(database)}";
    }
}
