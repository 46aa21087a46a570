package io.leadrelay.security.users;

/**
 * Users through the API on H2.
 */
class UsersApiH2IntegrationTests extends UsersApiIntegrationTests {

}
