package ej.ecom.wifi;

/**
 * Wi-Fi security modes of ECOM-WiFi 2.x. Declared in the order of the native numbering
 * ({@code LLECOM_WIFI_impl.h}), which MicroEJ applications index with {@code values()[n]}.
 * Only {@link #OPEN} and {@link #WPA2} are seen in MicroEJ Java code; the others follow the native
 * header (microej-api.md section 4, tag [I]).
 */
public enum SecurityMode {
    ENTERPRISE_NO_SECURITY, ENTERPRISE_WPA_MIXED, ENTERPRISE_WPA1, ENTERPRISE_WPA2, ENTERPRISE_WEP, MIXED, OPEN,
    WEP128, WEP64, WPA1, WPA2, WPA3, ENTERPRISE_WPA3, WPA2_WPA3_MIXED, ENTERPRISE_WPA2_WPA3_MIXED, UNKNOWN
}
