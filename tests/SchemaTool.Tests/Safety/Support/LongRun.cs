namespace SchemaTool.Tests.Safety.Support;

/// <summary>
/// SCHEMATOOL_LONG=1 turns the safety tests' short CI runs (a few kills, a few races) into long ones
/// (100 kills, 20 rounds of 8 racing processes). See Safety/README.md.
/// </summary>
public static class LongRun
{
    public static bool Enabled => Environment.GetEnvironmentVariable("SCHEMATOOL_LONG") == "1";

    public static int Choose(int ci, int longRun) => Enabled ? longRun : ci;
}
