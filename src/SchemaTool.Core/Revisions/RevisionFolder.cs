using System.Globalization;

namespace SchemaTool.Revisions;

/// <summary>Reads and writes the migrations folder, checking it as a whole (pairs of files, headers, ids).</summary>
public static class RevisionFolder
{
    public static RevisionGraph Load(string folder)
    {
        if (!Directory.Exists(folder)) return new RevisionGraph([]);
        var errors = new List<string>();
        var revisions = new List<Revision>();
        var ups = Directory.GetFiles(folder, "*" + RevisionFile.UpSuffix).Order(StringComparer.Ordinal).ToList();
        var downs = Directory.GetFiles(folder, "*" + RevisionFile.DownSuffix).Order(StringComparer.Ordinal).ToList();

        foreach (var down in downs)
        {
            var up = down[..^RevisionFile.DownSuffix.Length] + RevisionFile.UpSuffix;
            if (!File.Exists(up)) errors.Add($"{Display(down)}: down file without its up file {Path.GetFileName(up)}: restore it from version control, or, " +
                                            "for a revision that was never applied, delete the down file too");
        }

        foreach (var up in ups)
        {
            var down = up[..^RevisionFile.UpSuffix.Length] + RevisionFile.DownSuffix;
            if (!File.Exists(down))
            {
                errors.Add($"{Display(up)}: up file without its down file {Path.GetFileName(down)}: restore it from version control, or, " +
                           "for a revision that was never applied, delete the up file too");
                continue;
            }
            var upSql = File.ReadAllText(up);
            var (fields, error) = RevisionFile.ReadHeader(upSql);
            if (error is not null)
            {
                errors.Add($"{Display(up)}:1: {error}");
                continue;
            }
            var id = fields["revision"];
            if (!RevisionFile.IsValidId(id))
            {
                errors.Add($"{Display(up)}:1: revision id '{id}' is not 12 lowercase hex digits");
                continue;
            }
            if (!Path.GetFileName(up).StartsWith(id + "_", StringComparison.Ordinal))
                errors.Add($"{Display(up)}: the file name does not start with its revision id {id}_");
            var parents = fields["parents"].Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
            var created = DateTimeOffset.TryParse(fields["created"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var c)
                ? c : DateTimeOffset.MinValue;
            var downSql = File.ReadAllText(down);
            if (OtherRevision(downSql, id, parents) is { } other)
                errors.Add($"{Display(down)}:1: its header says {other}; the up file says {Describe(id, parents)}: restore the down file from version control");
            revisions.Add(new Revision(id, parents, fields["message"], created, up, down, upSql, downSql));
        }

        var duplicates = revisions.GroupBy(r => r.Id).Where(g => g.Count() > 1).ToList();
        foreach (var group in duplicates)
            errors.Add($"revision {group.Key} is declared by more than one file: {string.Join(", ", group.Select(r => Display(r.UpPath)))}");
        var graph = duplicates.Count == 0 ? new RevisionGraph(revisions) : null;
        if (graph is not null) errors.AddRange(graph.Problems());
        if (errors.Count > 0) throw new RevisionException(errors);
        return graph!;
    }

    /// <summary>Writes both files of a new revision; nothing is left behind when the second write fails.</summary>
    public static Revision Write(string folder, string id, IReadOnlyList<string> parents, string message, DateTimeOffset created, string upBody, string downBody)
    {
        message = PrintableText.OneLine(message.Trim()); // as the header holds it, and as it is printed from here on
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"{id}_{RevisionFile.Slug(message)}");
        var header = RevisionFile.Header(id, parents, message, created);
        var up = header + "\n" + upBody;
        var down = header + "\n" + downBody;
        var upPath = stem + RevisionFile.UpSuffix;
        var downPath = stem + RevisionFile.DownSuffix;
        try
        {
            WriteNew(downPath, down);
            WriteNew(upPath, up);
        }
        catch
        {
            File.Delete(downPath);
            File.Delete(upPath);
            throw;
        }
        return new Revision(id, parents, message, created, upPath, downPath, up, down);
    }

    private static void WriteNew(string path, string text)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
        writer.Write(text);
    }

    /// <summary>
    /// What a down file's header says when it is another revision's (a file copied over): its id and parents. A down
    /// file without a header is taken as its up file's.
    /// </summary>
    private static string? OtherRevision(string downSql, string id, IReadOnlyList<string> parents)
    {
        var (fields, error) = RevisionFile.ReadHeader(downSql);
        if (error is not null) return null;
        var downParents = fields["parents"].Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return fields["revision"] == id && downParents.SequenceEqual(parents) ? null : Describe(fields["revision"], downParents);
    }

    private static string Describe(string id, IReadOnlyList<string> parents) =>
        $"revision {id}, parents {(parents.Count == 0 ? "(none)" : string.Join(" ", parents))}";

    public static string Display(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
}

public sealed class RevisionException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
