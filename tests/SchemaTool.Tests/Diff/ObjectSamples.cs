using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Tests.Diff;

/// <summary>One object of each kind beyond tables, and one operation of each kind on them, for the tests of every operation kind.</summary>
public static class ObjectSamples
{
    public static readonly View ActiveUsers = new("active_users", "SELECT id, email FROM users WHERE email IS NOT NULL")
    {
        DependsOn = new[] { Dependency.Relation("users"), Dependency.OnColumn("users", "id"), Dependency.OnColumn("users", "email") },
    };

    public static readonly View Totals = new("totals", "SELECT count(*) AS n FROM users", Materialized: true,
        Indexes: new[] { new TableIndex("ix_totals_n", new[] { IndexPart.Of("n") }) }, Comment: "counted nightly")
    {
        DependsOn = new[] { Dependency.Relation("users") },
    };

    public static readonly Trigger Touch = new("users_touch", "users", TriggerTiming.After, new[] { TriggerEvent.Update },
        Body: "UPDATE users SET email = lower(email) WHERE id = NEW.id;", UpdateOf: new[] { "email" })
    {
        DependsOn = new[] { Dependency.Relation("users"), Dependency.OnColumn("users", "email") },
    };

    public static readonly Routine SetUpdatedAt = new("set_updated_at", RoutineKind.Function,
        "CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.updated_at := now(); RETURN NEW; END$$")
    {
        DependsOn = ValueList<Dependency>.Empty,
    };

    public static readonly EnumType Mood = new("mood", new[] { "sad", "ok", "happy" }, Comment: "how it went");
    public static readonly CompositeType Pair = new("pair", new[] { new CompositeAttribute("id", "uuid"), new CompositeAttribute("name", "text", "C") }, Comment: "two things");
    public static readonly DomainType Email = new("email", "text", Nullable: false, Checks: new[] { new Check("email_check", "VALUE ~ '@'") });
    public static readonly Sequence InvoiceNo = new("invoice_no", Start: 1000, Increment: 1, OwnedBy: "invoices.no");
    public static readonly Extension Citext = new("citext", Version: "1.6");
    public static readonly Namespace Auth = new("auth", "who signs in");
    public static readonly ScheduledEvent Purge = new("purge_sessions", "EVERY 1 DAY", "DELETE FROM sessions WHERE expires < now()")
    {
        DependsOn = new[] { Dependency.Relation("sessions") },
    };

    /// <summary>One operation of each kind that acts on objects beyond tables.</summary>
    public static IEnumerable<Operation> Operations() =>
    [
        new CreateView(ActiveUsers),
        new DropView(Totals),
        new ReplaceView(ActiveUsers, ActiveUsers with { Sql = "SELECT id, email FROM users" }),
        new CreateTrigger(Touch),
        new DropTrigger(Touch),
        new CreateRoutine(SetUpdatedAt),
        new DropRoutine(SetUpdatedAt),
        new ReplaceRoutine(SetUpdatedAt, SetUpdatedAt with { Definition = SetUpdatedAt.Definition.Replace("now()", "clock_timestamp()") }),
        new CreateEnumType(Mood),
        new DropEnumType(Mood),
        new AddEnumValue("mood", "meh", "ok"),
        new RemoveEnumValue("mood", "meh", "ok"),
        new RenameEnumValue("mood", "ok", "fine"),
        new RenameType(SchemaObjectKind.EnumType, "feeling", "mood"),
        new CreateDomain(Email),
        new DropDomain(Email),
        new AlterDomain(Email, Email with { Nullable = true }),
        new CreateCompositeType(Pair),
        new DropCompositeType(Pair),
        new AlterCompositeType(Pair, Pair with { Attributes = new[] { Pair.Attributes[0], new CompositeAttribute("rank", "integer") } }),
        new CreateSequence(InvoiceNo with { OwnedBy = null }),
        new DropSequence(InvoiceNo with { OwnedBy = null }),
        new AlterSequence(InvoiceNo with { OwnedBy = null }, InvoiceNo),
        new RenameSequence("invoice_seq", "invoice_no"),
        new CreateExtension(Citext),
        new DropExtension(Citext),
        new AlterExtension(Citext with { Version = "1.5" }, Citext),
        new CreateNamespace(Auth),
        new DropNamespace(Auth),
        new CreateEvent(Purge),
        new DropEvent(Purge),
        new SetObjectComment(SchemaObjectKind.View, "active_users", null, "users who can sign in"),
    ];
}
