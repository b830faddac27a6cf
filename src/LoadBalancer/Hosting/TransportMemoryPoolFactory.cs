using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace LoadBalancer.Hosting;

/// <summary>Gives Kestrel (each listener's transport, and its own buffers) the process's <see cref="TransportMemoryPool"/>.</summary>
internal sealed class TransportMemoryPoolFactory(TransportMemoryPool pool) : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => pool;
}
