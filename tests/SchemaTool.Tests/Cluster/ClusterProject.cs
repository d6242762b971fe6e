using System.Text;
using SchemaTool.Tests.Infrastructure;

namespace SchemaTool.Tests.Cluster;

/// <summary>A schematool project in a temp folder: config, a schema folder and hand-written or planned revisions.</summary>
internal sealed class ClusterProject : IDisposable
{
    private ClusterProject(string folder) => Folder = folder;

    public string Folder { get; }

    public string Migrations => Path.Combine(Folder, "migrations");

    public static ClusterProject Create(string dialect, string schemaYaml = "tables: {}\n")
    {
        var project = new ClusterProject(TempFolder.Create("schematool-cluster-project-"));
        Directory.CreateDirectory(project.Migrations);
        Directory.CreateDirectory(Path.Combine(project.Folder, "schema"));
        File.WriteAllText(Path.Combine(project.Folder, "schematool.yaml"),
            // Every run passes --database; this placeholder only says which dialect the project is for.
            $"database: {dialect}://nobody@127.0.0.1:9/placeholder\ndialect: {dialect}\nschema: schema\nmigrations: migrations\n");
        project.WriteSchema(schemaYaml);
        return project;
    }

    public void WriteSchema(string yaml) => File.WriteAllText(Path.Combine(Folder, "schema", "model.yaml"), yaml);

    /// <summary>Writes a revision by hand: <paramref name="index"/> makes the id, each revision's parent is the one before.</summary>
    public string WriteRevision(int index, string slug, IEnumerable<string> up, IEnumerable<string> down)
    {
        var id = RevisionId(index);
        var parents = index == 1 ? "" : RevisionId(index - 1);
        string Header() => $"-- revision: {id}\n-- parents: {parents}\n-- message: {slug}\n-- created: 2026-11-30T12:00:0{index % 10}Z\n\n";
        File.WriteAllText(Path.Combine(Migrations, $"{id}_{slug}.up.sql"), Header() + Script(up));
        File.WriteAllText(Path.Combine(Migrations, $"{id}_{slug}.down.sql"), Header() + Script(down));
        return id;
    }

    public static string RevisionId(int index) => $"c1c1c1c1{index:x4}";

    public string[] Arguments(string command, string url, params string[] more) =>
        [command, .. more, "--project", Folder, "--database", url];

    public void Dispose() => TempFolder.Delete(Folder);

    private static string Script(IEnumerable<string> statements)
    {
        var text = new StringBuilder();
        foreach (var statement in statements) text.Append(statement.TrimEnd(';')).Append(";\n\n");
        return text.ToString();
    }
}
