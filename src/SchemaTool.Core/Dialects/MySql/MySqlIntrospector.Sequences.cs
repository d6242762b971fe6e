using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

internal sealed partial class MySqlIntrospector
{
    // The sequences the tables query found (MariaDB lists them in information_schema.TABLES), with their comments.
    private readonly List<(string Name, string? Comment)> _sequences = [];

    /// <summary>
    /// Each sequence's options, read from the sequence itself: MariaDB 10.11 has no information_schema.SEQUENCES
    /// (11.5 has), and a sequence read as a table is its one row of options.
    /// </summary>
    private async Task<ValueList<Sequence>> ReadSequencesAsync(CancellationToken ct)
    {
        if (_sequences.Count == 0) return ValueList<Sequence>.Empty;
        var result = new List<Sequence>(_sequences.Count);
        foreach (var (name, comment) in _sequences)
            await foreach (var row in QueryAsync(
                $"SELECT start_value, minimum_value, maximum_value, increment, cache_size, cycle_option FROM {MySqlText.Quote(name)}", ct))
                result.Add(new Sequence(name, Start: Convert.ToInt64(row.GetValue(0)), Min: Convert.ToInt64(row.GetValue(1)),
                    Max: Convert.ToInt64(row.GetValue(2)), Increment: Convert.ToInt64(row.GetValue(3)), Cache: Convert.ToInt64(row.GetValue(4)),
                    Cycle: Convert.ToInt64(row.GetValue(5)) != 0, Comment: string.IsNullOrEmpty(comment) ? null : comment));
        return result.ToValueList();
    }
}
