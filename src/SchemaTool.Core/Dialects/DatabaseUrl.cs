using System.Text;

namespace SchemaTool.Dialects;

/// <summary>
/// A server URL, <c>scheme://user:password@host:port,host2/database?key=value</c>, cut into its parts (percent
/// escapes undone). A password may hold ? @ / # and : unencoded: the user part ends at the last @ that a host
/// list follows, so an @ in a query value must be written %40. Nothing here ever shows a password.
/// </summary>
public sealed record DatabaseUrl(
    string Scheme,
    string? User,
    string? Password,
    string Hosts,
    string? Database,
    IReadOnlyList<(string Key, string? Value)> Query,
    string? RawUser,
    string RawHosts,
    string RawQuery,
    string RawPrefix)
{
    /// <summary>The parts of <paramref name="url"/>, or null when it is not <c>scheme://...</c>.</summary>
    /// <param name="plusIsSpace">whether a + in a query value stands for a space (as in a form), else for itself</param>
    public static DatabaseUrl? Parse(string url, bool plusIsSpace = false)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) return null;
        var rest = url[(schemeEnd + 3)..];
        var at = UserInfoEnd(rest);
        var userInfo = at < 0 ? null : rest[..at];
        var afterUser = rest[(at + 1)..];
        var hostEnd = afterUser.AsSpan().IndexOfAny('/', '?');
        var hosts = hostEnd < 0 ? afterUser : afterUser[..hostEnd];
        var tail = hostEnd < 0 ? "" : afterUser[hostEnd..];
        var question = tail.IndexOf('?');
        var path = question < 0 ? tail : tail[..question];
        var query = question < 0 ? "" : tail[(question + 1)..];

        string? rawUser = null, password = null;
        if (userInfo is not null)
        {
            var colon = userInfo.IndexOf(':');
            rawUser = colon < 0 ? userInfo : userInfo[..colon];
            if (colon >= 0) password = Decode(userInfo[(colon + 1)..]);
        }
        var pairs = new List<(string, string?)>();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var value = eq < 0 ? null : pair[(eq + 1)..];
            pairs.Add((Decode(eq < 0 ? pair : pair[..eq]), value is null ? null : Decode(plusIsSpace ? value.Replace('+', ' ') : value)));
        }
        var prefix = url[..(schemeEnd + 3 + at + 1 + hosts.Length)];
        return new DatabaseUrl(url[..schemeEnd], rawUser is null ? null : Decode(rawUser), password, Decode(hosts),
            path.Length > 1 ? Decode(path[1..]) : null, pairs, rawUser, hosts, query, prefix);
    }

    /// <summary>
    /// Where the user part ends: the last @ followed by what can be a host list (up to the next / or ?, or the
    /// end). When no @ is, the last @ anyway: whatever stands before it stays hidden.
    /// </summary>
    private static int UserInfoEnd(string rest)
    {
        var last = rest.LastIndexOf('@');
        for (var at = last; at >= 0; at = at == 0 ? -1 : rest.LastIndexOf('@', at - 1))
        {
            var end = rest.AsSpan(at + 1).IndexOfAny('/', '?');
            var hosts = end < 0 ? rest.AsSpan(at + 1) : rest.AsSpan(at + 1, end);
            if (IsHostList(hosts)) return at;
        }
        return last;
    }

    /// <summary>host, host:port, [::1]:5432, several separated by commas; percent escapes allowed in a name.</summary>
    private static bool IsHostList(ReadOnlySpan<char> hosts)
    {
        if (hosts.IsEmpty) return false;
        foreach (var range in hosts.Split(','))
        {
            var host = hosts[range];
            if (host.StartsWith('['))
            {
                var close = host.IndexOf(']');
                if (close < 0 || !IsPort(host[(close + 1)..], optional: true)) return false;
                continue;
            }
            var colon = host.IndexOf(':');
            var name = colon < 0 ? host : host[..colon];
            if (name.IsEmpty || name.ContainsAnyExcept(NameCharacters) || colon >= 0 && !IsPort(host[colon..], optional: false)) return false;
        }
        return true;
    }

    /// <summary>":5432", or nothing when <paramref name="optional"/>.</summary>
    private static bool IsPort(ReadOnlySpan<char> text, bool optional) =>
        text.IsEmpty ? optional : text[0] == ':' && text.Length > 1 && !text[1..].ContainsAnyExceptInRange('0', '9');

    private static readonly System.Buffers.SearchValues<char> NameCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_%");

    private static string Decode(string text) => Uri.UnescapeDataString(text);

    /// <summary>
    /// The URL as it may be shown: as written, but the password as ***, the values of the query keys
    /// <paramref name="isSecret"/> names as ***, and a host part that is no host list hidden too.
    /// </summary>
    public string Display(Func<string, bool> isSecret)
    {
        var text = new StringBuilder(Scheme).Append("://");
        if (RawUser is not null) text.Append(RawUser).Append(Password is null ? "" : ":***").Append('@');
        text.Append(RawHosts.Length == 0 || IsHostList(RawHosts) ? RawHosts : "***");
        if (Database is not null) text.Append('/').Append(Database);
        if (RawQuery.Length == 0) return text.ToString();
        text.Append('?').AppendJoin('&', RawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var eq = pair.IndexOf('=');
            return eq >= 0 && isSecret(Decode(pair[..eq])) ? pair[..eq] + "=***" : pair;
        }));
        return text.ToString();
    }

    /// <summary>The same URL with another database in its path; the rest as written.</summary>
    public string WithDatabase(string database) =>
        RawPrefix + "/" + Uri.EscapeDataString(database) + (RawQuery.Length > 0 ? "?" + RawQuery : "");
}
