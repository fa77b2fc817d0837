"""WeCom (企业微信): callback crypto and the server APIs jifen calls, over the one client base."""
