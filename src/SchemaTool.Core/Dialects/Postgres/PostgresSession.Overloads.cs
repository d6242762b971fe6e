using Npgsql;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

public sealed partial class PostgresSession
{
    /// <summary>
    /// Which routine read back from the scratch schema is which of the model's. A name the model gives one routine
    /// is enough; for overloads (several of the model's routines of one name) the scratch schema is asked, after
    /// each is created, which identity arguments the new one has.
    /// </summary>
    private sealed class ScratchRoutines(string scratch)
    {
        private readonly Dictionary<Routine, string> _identities = new(ReferenceEqualityComparer.Instance);

        public bool Overloaded(Schema model, Routine routine) => model.Routines.Count(r => r.Name == routine.Name) > 1;

        /// <summary>Records the identity arguments of <paramref name="created"/>, just created; refuses a definition that only replaced another of the model's.</summary>
        public async Task RecordAsync(PostgresSession session, Routine created, Routine model, Func<string, string> fromScratch, CancellationToken ct)
        {
            var all = new List<string>();
            session._statementsSent++;
            await using (var command = new NpgsqlCommand(
                "SELECT pg_get_function_identity_arguments(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace " +
                "WHERE n.nspname = $1 AND p.proname = $2", session._connection))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = QualifiedName.SchemaOf(created.Name) ?? scratch });
                command.Parameters.Add(new NpgsqlParameter { Value = QualifiedName.LocalOf(created.Name) });
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) all.Add(fromScratch(reader.GetString(0)));
            }
            var earlier = _identities.Where(i => i.Key.Name == model.Name).ToList();
            var fresh = all.Except(earlier.Select(e => e.Value), StringComparer.Ordinal).ToList();
            if (fresh.Count == 1)
            {
                _identities[model] = fresh[0];
                return;
            }
            var word = model.ObjectKind.Word();
            throw new InputException(earlier.Count == 1
                ? $"{word} {model.KeyName}: its definition creates the same {word} as {earlier[0].Key.KeyName}: {model.Name}({earlier[0].Value}); " +
                  "overloads of one name differ in their argument types"
                : $"{word} {model.KeyName}: its definition creates no {word} of its own: another of the model's {word}s named {model.Name} has its argument types");
        }

        /// <summary>The model's routine that <paramref name="read"/> is, read back and named as in the model.</summary>
        public Routine? ModelOf(Schema model, Routine read)
        {
            var named = model.Routines.Where(r => r.Name == read.Name && r.Kind == read.Kind).ToList();
            return named.Count == 1 && !Overloaded(model, named[0]) ? named[0] : named.FirstOrDefault(r => _identities.GetValueOrDefault(r) == read.Arguments);
        }
    }
}
