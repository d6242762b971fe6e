using System.Net;
using System.Net.Sockets;

namespace SchemaTool.Tests.Infrastructure;

internal static class FreePort
{
    /// <summary>
    /// A loopback TCP port that was free a moment ago. Another process may still take it before the
    /// server binds, so servers retry with a new port when binding fails.
    /// </summary>
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
