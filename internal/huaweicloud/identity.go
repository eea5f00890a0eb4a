package huaweicloud

import "context"

// Where the client's CloudDC objects live, for their resource identity.

// ProjectID is the project the client's CloudDC calls go to: the configured
// one, else (password authentication without one) the IAM token's, which
// obtaining a token tells.
func (c *Client) ProjectID(ctx context.Context) (string, error) {
	if c.cfg.ProjectID != "" || c.tokens == nil {
		return c.cfg.ProjectID, nil
	}
	_, pid, err := c.tokens.get(ctx)
	return pid, err
}

// Region is the configured region ("" when every endpoint is given instead).
func (c *Client) Region() string { return c.cfg.Region }
