using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml.Objects;

/// <summary>
/// `name:`, an object's name on the server where it differs from its key in the model: the key is the object's
/// identity in the files, and several objects may share a name on the server (PostgreSQL's triggers of several
/// tables).
/// </summary>
internal static class ServerName
{
    public static string? Read(YamlValue value, string what, YamlNodes nodes)
    {
        if (YamlNodes.IsNull(value) || value is YamlScalar { Value.Length: 0 })
        {
            nodes.Error(value, $"name of {what} must not be empty");
            return null;
        }
        return nodes.String(value, $"name of {what}");
    }
}
