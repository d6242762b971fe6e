namespace SchemaTool.Revisions;

/// <summary>`merge REV1 REV2`: a revision with both as parents and no statements, which makes the two heads one.</summary>
public static class RevisionMerge
{
    public static Revision Write(RevisionGraph graph, string folder, string first, string second, string message, DateTimeOffset created)
    {
        var a = graph.Resolve(first);
        var b = graph.Resolve(second);
        if (a.Id == b.Id)
            throw new InputException($"merge needs two different revisions, and {first} and {second} are both {a.Id}");
        if (graph.AncestorsOf(b.Id).Contains(a.Id) || graph.AncestorsOf(a.Id).Contains(b.Id))
            throw new InputException(
                $"revisions {a.Id} and {b.Id} are on one line of descent, so there is nothing to merge; merge two heads (`schematool history` shows them)");
        var body = $"-- merges {a.Id} ({a.Message}) and {b.Id} ({b.Message}); no statements\n";
        return RevisionFolder.Write(folder, RevisionFile.NewId(), [a.Id, b.Id], message, created, body, body);
    }
}
