package ej.ecom.network;

import java.net.InetAddress;

/**
 * IP settings of a network interface (ECOM-Network 2.x). On the host, the configuration read back
 * from {@link NetworkInterfaceManager#getIPConfiguration(java.net.NetworkInterface)} carries the
 * simulated station's lease.
 */
public class IPConfiguration {

    private boolean dhcp = true;
    private boolean staticDns;
    private InetAddress ip;
    private InetAddress netmask;
    private InetAddress gateway;
    private InetAddress[] dns = new InetAddress[0];

    public IPConfiguration() {
    }

    public void useDHCP(boolean useDHCP) {
        this.dhcp = useDHCP;
    }

    public void useStaticDNS(boolean useStaticDNS) {
        this.staticDns = useStaticDNS;
    }

    public InetAddress getIP() {
        return this.ip;
    }

    public InetAddress getNetmask() {
        return this.netmask;
    }

    public InetAddress getGateway() {
        return this.gateway;
    }

    public InetAddress[] getDNS() {
        return this.dns.clone();
    }

    public boolean isStatic() {
        return !this.dhcp;
    }

    void setLease(InetAddress ip, InetAddress netmask, InetAddress gateway, boolean leased) {
        this.ip = ip;
        this.netmask = netmask;
        this.gateway = gateway;
        this.dns = leased ? new InetAddress[] { gateway } : new InetAddress[0];
    }

    boolean usesStaticDns() {
        return this.staticDns;
    }
}
