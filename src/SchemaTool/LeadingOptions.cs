namespace SchemaTool.Cli;

/// <summary>
/// The common options may come before the command (`schematool --project db status`, as with git). Each command
/// declares them itself, so those given before it are moved right after it before parsing.
/// </summary>
public static class LeadingOptions
{
    private static readonly string[] WithValue = ["--project", "--database", "--target"];
    private static readonly string[] Flags = ["--no-color", "--verbose"];

    /// <summary>
    /// The arguments with the common options that precede the command moved after it. Without a command they are
    /// dropped, so that `schematool --no-color` shows the usage as `schematool` does.
    /// </summary>
    public static string[] MoveAfterCommand(string[] args)
    {
        var taken = new List<string>();
        var i = 0;
        while (i < args.Length)
        {
            var arg = args[i];
            if (Flags.Contains(arg) || WithValue.Any(o => arg.StartsWith(o + "=", StringComparison.Ordinal) || arg.StartsWith(o + ":", StringComparison.Ordinal)))
            {
                taken.Add(arg);
                i++;
            }
            else if (WithValue.Contains(arg) && i + 1 < args.Length)
            {
                taken.Add(arg);
                taken.Add(args[i + 1]);
                i += 2;
            }
            else break;
        }
        if (taken.Count == 0) return args;
        if (i < args.Length && !args[i].StartsWith('-'))
            return [args[i], .. taken, .. args[(i + 1)..]];
        return args[i..];
    }
}
