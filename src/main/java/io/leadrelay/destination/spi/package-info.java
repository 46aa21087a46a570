/**
 * The connector SPI: how a connector declares the destination type it sends to, with the
 * rules of that type's settings and credentials. A connector is a Spring bean
 * implementing {@link io.leadrelay.destination.spi.DestinationType}; the destination
 * feature knows exactly the types declared so.
 */
@NamedInterface("spi")
package io.leadrelay.destination.spi;

import org.springframework.modulith.NamedInterface;
